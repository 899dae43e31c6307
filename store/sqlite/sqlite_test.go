package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/store/sqlite"
	"github.com/crossroads/crossroads/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) crossroads.Store {
		return dbtest.OpenSQLite(t, now)
	})
}

func TestOpenMemory(t *testing.T) {
	db, err := sqlite.Open(sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	u := &crossroads.User{Email: "ada@example.com", Name: "Ada", Role: crossroads.RoleClient}
	if err := db.CreateUser(ctx, u, ""); err != nil {
		t.Fatal(err)
	}
	// Every query sees the same in-memory database.
	for range 3 {
		if _, err := db.User(ctx, u.ID); err != nil {
			t.Fatalf("User: %v", err)
		}
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestReopen checks that the data and the applied migrations survive a
// close, and that opening again applies nothing twice.
func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crossroads.db")
	ctx := context.Background()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	u := &crossroads.User{Email: "ada@example.com", Name: "Ada", Role: crossroads.RoleClient}
	if err := db.CreateUser(ctx, u, ""); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = sqlite.Open(path)
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	defer db.Close()
	if _, err := db.UserByEmail(ctx, "ada@example.com"); err != nil {
		t.Fatalf("after reopening: %v", err)
	}
	var mode string
	if err := db.SQL.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := db.SQL.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name, path, want string
	}{
		{"Empty", "", "database path is empty"},
		{"Query", "/tmp/x.db?mode=ro", "must not contain ? or #"},
		{"MissingDir", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"), "opening"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := sqlite.Open(tt.path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestIntegrityCheckFindsDamage damages a database file on purpose and
// checks that IntegrityCheck notices.
func TestIntegrityCheckFindsDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crossroads.db")
	ctx := context.Background()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// A row whose owner does not exist, written with foreign keys off.
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO cases (owner_id, title, document, format, version, created_at, updated_at)
		VALUES (42, 't', x'', 'yaml', 1, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	err = db.IntegrityCheck(ctx)
	if err == nil || !strings.Contains(err.Error(), "cases row 1 refers to a missing users row") {
		t.Errorf("IntegrityCheck = %v, want the dangling case reported", err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}
