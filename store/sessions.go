package store

import (
	"fmt"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/sqlite3store"
	"github.com/alexedwards/scs/v2"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/postgres"
	"github.com/crossroads/crossroads/store/sqlite"
)

// SessionCleanup is how often a session store deletes expired sessions.
const SessionCleanup = 5 * time.Minute

// SessionStore is where the web server keeps its sessions: the sessions
// table of the database (migration 3), so that every server process on one
// database sees the same sessions.
type SessionStore interface {
	scs.Store
	// StopCleanup stops the goroutine that deletes expired sessions.
	StopCleanup()
}

// Sessions returns the session store in st's own database: the scs
// sqlite3store on a SQLite store, the scs pgxstore on a PostgreSQL one.
// Every SessionCleanup it deletes expired sessions (cleanup 0 turns that
// off, for tests); call StopCleanup before closing st.
func Sessions(st crossroads.Store, cleanup time.Duration) (SessionStore, error) {
	switch db := st.(type) {
	case *sqlite.DB:
		return sqlite3store.NewWithConfig(db.SQL, sqlite3store.Config{CleanUpInterval: cleanup}), nil
	case *postgres.DB:
		return pgxstore.NewWithCleanupInterval(db.Pool, cleanup), nil
	}
	return nil, &crossroads.Error{Op: "store.Sessions", Kind: crossroads.Invalid,
		Message: fmt.Sprintf("a %T keeps no sessions", st)}
}
