package store

import (
	"context"
	"fmt"
	"sync"
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
	// ExpireSessions deletes the expired sessions now.
	ExpireSessions(ctx context.Context) error
}

// Sessions returns the session store in st's own database: the scs
// sqlite3store on a SQLite store, the scs pgxstore on a PostgreSQL one.
// Every cleanup interval it deletes expired sessions (0 turns that off, for
// tests); call StopCleanup before closing st.
func Sessions(st crossroads.Store, cleanup time.Duration) (SessionStore, error) {
	var s *sessionStore
	switch db := st.(type) {
	case *sqlite.DB:
		s = &sessionStore{Store: sqlite3store.NewWithConfig(db.SQL, sqlite3store.Config{CleanUpInterval: 0}),
			expire: func(ctx context.Context) error {
				_, err := db.SQL.ExecContext(ctx, `DELETE FROM sessions WHERE expiry < julianday('now')`)
				return err
			}}
	case *postgres.DB:
		s = &sessionStore{Store: pgxstore.NewWithCleanupInterval(db.Pool, 0),
			expire: func(ctx context.Context) error {
				_, err := db.SQL.ExecContext(ctx, `DELETE FROM sessions WHERE expiry < current_timestamp`)
				return err
			}}
	default:
		return nil, &crossroads.Error{Op: "store.Sessions", Kind: crossroads.Invalid,
			Message: fmt.Sprintf("a %T keeps no sessions", st)}
	}
	s.stop, s.done = make(chan struct{}), make(chan struct{})
	if cleanup <= 0 {
		close(s.done)
		return s, nil
	}
	go s.cleanup(cleanup)
	return s, nil
}

// sessionStore is an scs store with a cleanup of its own, which can be
// stopped safely (the stores' own cleanup goroutines log to the standard
// logger and, in pgxstore, race with StopCleanup).
type sessionStore struct {
	scs.Store
	expire   func(ctx context.Context) error
	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
}

func (s *sessionStore) cleanup(every time.Duration) {
	defer close(s.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			// A failure is retried at the next tick; expired sessions are
			// refused by Find meanwhile.
			_ = s.expire(context.Background())
		case <-s.stop:
			return
		}
	}
}

// StopCleanup implements SessionStore. It waits for a cleanup in progress
// and may be called more than once.
func (s *sessionStore) StopCleanup() {
	s.stopOnce.Do(func() { close(s.stop) })
	<-s.done
}

// ExpireSessions deletes the expired sessions now.
func (s *sessionStore) ExpireSessions(ctx context.Context) error { return s.expire(ctx) }
