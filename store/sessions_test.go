package store_test

import (
	"database/sql"
	"testing"
	"time"

	"github.com/crossroads/crossroads/store"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/store/postgres"
	"github.com/crossroads/crossroads/store/sqlite"
)

// TestSessions checks the session store of each backend: a session saved is
// found until it expires, deleted sessions are gone, and the cleanup
// deletes the expired rows.
func TestSessions(t *testing.T) {
	for _, b := range dbtest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			st := b.Open(t, nil)
			s, err := store.Sessions(st, time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			defer s.StopCleanup()
			var db *sql.DB
			switch d := st.(type) {
			case *sqlite.DB:
				db = d.SQL
			case *postgres.DB:
				db = d.SQL
			}
			now := time.Now()
			for _, c := range []struct {
				token  string
				expiry time.Time
			}{{"live", now.Add(time.Hour)}, {"expired", now.Add(-time.Minute)}, {"deleted", now.Add(time.Hour)}} {
				if err := s.Commit(c.token, []byte("data of "+c.token), c.expiry); err != nil {
					t.Fatalf("Commit(%s): %v", c.token, err)
				}
			}
			if err := s.Delete("deleted"); err != nil {
				t.Fatal(err)
			}
			for token, want := range map[string]bool{"live": true, "expired": false, "deleted": false, "never": false} {
				b, found, err := s.Find(token)
				if err != nil || found != want || found && string(b) != "data of "+token {
					t.Errorf("Find(%s) = %q, %v, %v; want found %v", token, b, found, err, want)
				}
			}
			if err := s.ExpireSessions(t.Context()); err != nil {
				t.Fatal(err)
			}
			var n int
			if err := db.QueryRow(`SELECT COUNT(*) FROM sessions`).Scan(&n); err != nil || n != 1 {
				t.Errorf("after the cleanup %d sessions are stored (%v), want 1", n, err)
			}
			s.StopCleanup() // a second call must not block
		})
	}
}

// TestSessionsOtherStore refuses a store that keeps no sessions.
func TestSessionsOtherStore(t *testing.T) {
	if _, err := store.Sessions(nil, 0); err == nil {
		t.Error("Sessions(nil) did not fail")
	}
}
