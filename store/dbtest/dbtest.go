package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	neturl "net/url"
	"os"
	"path/filepath"
	"strings"
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

// PostgresSchemaURL creates a schema with a random name in the database of
// PostgresEnv, drops it when the test ends, and returns the URL of the
// database with search_path set to the schema. It skips the test when
// PostgresEnv is not set.
func PostgresSchemaURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skip(PostgresSkipMessage)
	}
	ctx := context.Background()
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	schema := "crossroads_test_" + hex.EncodeToString(b)
	admin := func(sql string) error {
		conn, err := pgx.Connect(ctx, base)
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
	u, err := neturl.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// OpenPostgres opens a store in a new schema (see PostgresSchemaURL) on the
// clock now (time.Now when nil). The schema is set as the search_path of the
// connection configuration; the pool is kept small, since many tests run at
// once.
func OpenPostgres(t testing.TB, now func() time.Time) *postgres.DB {
	t.Helper()
	url := PostgresSchemaURL(t)
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	if got := cfg.ConnConfig.RuntimeParams["search_path"]; !strings.HasPrefix(got, "crossroads_test_") {
		t.Fatalf("search_path %q did not reach the connection configuration", got)
	}
	cfg.MaxConns = 4
	db, err := postgres.OpenConfig(context.Background(), cfg)
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
