// Package dbtest opens throwaway stores for tests: a SQLite file under
// t.TempDir() always, and a PostgreSQL schema of its own when the variable
// CROSSROADS_TEST_POSTGRES holds the URL of a test database. Tests that want
// to run on every backend range over Backends.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/postgres"
	"github.com/crossroads/crossroads/store/sqlite"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PostgresEnv names the variable that holds the URL of the PostgreSQL test
// database, such as postgres://postgres@127.0.0.1:5432/test?sslmode=disable.
const PostgresEnv = "CROSSROADS_TEST_POSTGRES"

// PostgresSkipMessage is what tests say when PostgresEnv is not set.
const PostgresSkipMessage = "set " + PostgresEnv +
	"=postgres://postgres@127.0.0.1:5432/test?sslmode=disable to run the PostgreSQL store tests"

// Backend is a way to open a fresh, empty store for a test.
type Backend struct {
	Name string
	Open func(t testing.TB, now func() time.Time) crossroads.Store
}

// Backends returns SQLite and PostgreSQL. The PostgreSQL Open skips the test
// when PostgresEnv is not set.
func Backends() []Backend {
	return []Backend{
		{"sqlite", func(t testing.TB, now func() time.Time) crossroads.Store { return OpenSQLite(t, now) }},
		{"postgres", func(t testing.TB, now func() time.Time) crossroads.Store { return OpenPostgres(t, now) }},
	}
}

// OpenSQLite opens a new SQLite database under t.TempDir() on the clock now
// (time.Now when nil) and closes it when the test ends.
func OpenSQLite(t testing.TB, now func() time.Time) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "crossroads.db"))
	if err != nil {
		t.Fatalf("sqlite.Open: %v", err)
	}
	db.Now = now
	t.Cleanup(func() {
		if err := db.IntegrityCheck(context.Background()); err != nil {
			t.Errorf("after the test: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

// OpenPostgres opens a store in a new schema with a random name in the
// database of PostgresEnv, on the clock now (time.Now when nil), and drops
// the schema when the test ends. It skips the test when PostgresEnv is not
// set.
func OpenPostgres(t testing.TB, now func() time.Time) *postgres.DB {
	t.Helper()
	url := os.Getenv(PostgresEnv)
	if url == "" {
		t.Skip(PostgresSkipMessage)
	}
	ctx := context.Background()
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	schema := "crossroads_test_" + hex.EncodeToString(b)
	admin := func(sql string) error {
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	if err := admin(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("%s: creating schema %s: %v", PostgresEnv, schema, err)
	}
	t.Cleanup(func() {
		if err := admin(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	cfg.MaxConns = 4 // many tests run at once; stay well below max_connections
	db, err := postgres.OpenConfig(ctx, cfg)
	if err != nil {
		t.Fatalf("postgres.OpenConfig: %v", err)
	}
	db.Now = now
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}
