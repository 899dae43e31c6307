package loadgen

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crossroads/crossroads/internal/app"
	"github.com/crossroads/crossroads/store"
)

// Server is a Crossroads web server with accounts that a run starts in this
// process, on a free loopback port: the application `crossroads serve
// --accounts` runs (internal/app), without PDF export, which the simulated
// people do not ask for.
type Server struct {
	// URL is the server's base address, such as "http://127.0.0.1:40123".
	URL string
	// Database says where the cases are kept, for people.
	Database string

	app     *app.App
	log     *errorLog
	cleanup []func() error
}

// StartServer starts a server on a free port of 127.0.0.1. With databaseURL
// "" it keeps its data in a new SQLite file in a temporary directory; with
// a postgres:// URL, in a new schema of that database made for the run.
// Close removes either.
func StartServer(ctx context.Context, databaseURL string) (*Server, error) {
	s := &Server{log: &errorLog{}}
	dbURL := databaseURL
	switch {
	case databaseURL == "":
		dir, err := os.MkdirTemp("", "crossroads-load-")
		if err != nil {
			return nil, err
		}
		s.cleanup = append(s.cleanup, func() error { return os.RemoveAll(dir) })
		dbURL = filepath.Join(dir, "crossroads.db")
		s.Database = "SQLite " + dbURL
	case store.IsPostgres(databaseURL):
		u, drop, err := tempSchema(ctx, databaseURL)
		if err != nil {
			return nil, err
		}
		s.cleanup = append(s.cleanup, drop)
		dbURL = u
		s.Database = "PostgreSQL, a schema made for the run"
	default:
		return nil, fmt.Errorf("database %q: give a postgres:// URL, or none for a temporary SQLite file", databaseURL)
	}
	if err := s.start(ctx, dbURL); err != nil {
		s.runCleanup()
		return nil, err
	}
	return s, nil
}

// start runs the application as `crossroads serve --accounts` does, on a
// free loopback port, with no PDF export.
func (s *Server) start(ctx context.Context, dbURL string) error {
	s.app = &app.App{Addr: "127.0.0.1:0", DatabaseURL: dbURL, NoPDF: true, Accounts: true, LogHandler: s.log}
	if err := s.app.Open(ctx); err != nil {
		return err
	}
	s.URL = strings.TrimSuffix(s.app.URL(), "/")
	return nil
}

// Close stops the server (letting requests in flight finish until ctx
// ends), closes the database and removes the run's data.
func (s *Server) Close(ctx context.Context) error {
	err := s.app.Close(ctx)
	if cerr := s.runCleanup(); err == nil {
		err = cerr
	}
	return err
}

func (s *Server) runCleanup() error {
	var err error
	for i := len(s.cleanup) - 1; i >= 0; i-- {
		err = errors.Join(err, s.cleanup[i]())
	}
	s.cleanup = nil
	return err
}

// LoggedErrors returns how many errors (and warnings of the HTTP server)
// the server logged, and the first few of them.
func (s *Server) LoggedErrors() (int, []string) {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	return s.log.n, append([]string(nil), s.log.first...)
}

// tempSchema creates a schema with a random name in the database of url
// and returns the URL with search_path set to it, and a function that
// drops it.
func tempSchema(ctx context.Context, base string) (string, func() error, error) {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "crossroads_load_" + hex.EncodeToString(b)
	exec := func(ctx context.Context, sql string) error {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	if err := exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("PostgreSQL: creating the schema of the run: %w", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	drop := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			return fmt.Errorf("PostgreSQL: dropping the schema %s of the run: %w", schema, err)
		}
		return nil
	}
	return u.String(), drop, nil
}

// errorLog is a slog handler that counts the records at level Warn and
// above (the web server logs internal errors at Error, the HTTP server its
// own problems at Warn) and keeps the first few.
type errorLog struct {
	mu    sync.Mutex
	n     int
	first []string
}

func (l *errorLog) Enabled(_ context.Context, level slog.Level) bool { return level >= slog.LevelWarn }

func (l *errorLog) Handle(_ context.Context, r slog.Record) error {
	msg := r.Message
	r.Attrs(func(a slog.Attr) bool {
		if a.Key != "stack" {
			msg += " " + a.String()
		}
		return true
	})
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n++
	if len(l.first) < maxErrorMessages {
		l.first = append(l.first, msg)
	}
	return nil
}

func (l *errorLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *errorLog) WithGroup(string) slog.Handler      { return l }
