package postgres_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/store/postgres"
	"github.com/crossroads/crossroads/store/storetest"
)

func TestConformance(t *testing.T) {
	if os.Getenv(dbtest.PostgresEnv) == "" {
		t.Skip(dbtest.PostgresSkipMessage)
	}
	storetest.Run(t, func(t *testing.T, now func() time.Time) crossroads.Store {
		return dbtest.OpenPostgres(t, now)
	})
}

// TestPoolShared checks that the pool kept for the session store is the
// one the store uses, and that the sessions table is there for it.
func TestPoolShared(t *testing.T) {
	db := dbtest.OpenPostgres(t, nil)
	ctx := context.Background()
	var n int
	if err := db.Pool.QueryRow(ctx, `SELECT COUNT(*) FROM sessions`).Scan(&n); err != nil {
		t.Fatalf("sessions table through the pool: %v", err)
	}
	if got := db.Pool.Stat().MaxConns(); got != 4 {
		t.Errorf("pool MaxConns = %d, want the 4 the test configured", got)
	}
}

func TestOpenBadURL(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://user:secret@host:notaport/db")
	if err == nil {
		t.Fatal("Open succeeded")
	}
	if crossroads.ErrorKind(err) != crossroads.Invalid || strings.Contains(err.Error(), "secret") {
		t.Errorf("got %v, want an Invalid error that does not repeat the password", err)
	}
}
