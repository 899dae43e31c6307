// Package storetest is the conformance suite of crossroads.Store: one set of
// tests that every backend must pass, so that SQLite and PostgreSQL behave
// alike. A backend's test calls Run with a function that opens a fresh,
// empty store on a given clock:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T, now func() time.Time) crossroads.Store {
//			db, err := sqlite.Open(filepath.Join(t.TempDir(), "test.db"))
//			...
//			db.Now = now
//			t.Cleanup(func() { db.Close() })
//			return db
//		})
//	}
package storetest
