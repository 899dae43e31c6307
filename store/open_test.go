package store_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crossroads/crossroads/store"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/store/postgres"
	"github.com/crossroads/crossroads/store/sqlite"
	"github.com/google/go-cmp/cmp"
)

// TestMigrationsMatch checks that both backends have the same migrations,
// numbered 1, 2, 3, … without gaps, each with an Up and a Down section.
func TestMigrationsMatch(t *testing.T) {
	names := func(fsys fs.FS) []string {
		t.Helper()
		got, err := fs.Glob(fsys, "*.sql")
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range got {
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				t.Fatal(err)
			}
			for _, mark := range []string{"-- +goose Up", "-- +goose Down"} {
				if !strings.Contains(string(b), mark) {
					t.Errorf("%s has no %q section", name, mark)
				}
			}
		}
		return got
	}
	lite, pg := names(sqlite.Migrations()), names(postgres.Migrations())
	if diff := cmp.Diff(lite, pg); diff != "" {
		t.Errorf("migrations differ (-sqlite +postgres):\n%s", diff)
	}
	pattern := regexp.MustCompile(`^(\d{5})_[a-z0-9_]+\.sql$`)
	for i, name := range lite {
		m := pattern.FindStringSubmatch(name)
		if m == nil {
			t.Errorf("migration %q is not named NNNNN_name.sql", name)
			continue
		}
		if want := fmt.Sprintf("%05d", i+1); m[1] != want {
			t.Errorf("migration %q: want number %s (numbers start at 1 and have no gaps)", name, want)
		}
	}
	if len(lite) == 0 {
		t.Error("no migrations")
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/srv/data")
	got, err := store.DefaultPath()
	if err != nil || got != "/srv/data/crossroads/crossroads.db" {
		t.Errorf("with XDG_DATA_HOME: got %q, %v; want /srv/data/crossroads/crossroads.db", got, err)
	}
	for _, xdg := range []string{"", "relative/dir"} {
		t.Setenv("XDG_DATA_HOME", xdg)
		t.Setenv("HOME", "/home/ada")
		got, err = store.DefaultPath()
		if err != nil || got != "/home/ada/.local/share/crossroads/crossroads.db" {
			t.Errorf("XDG_DATA_HOME=%q: got %q, %v; want /home/ada/.local/share/crossroads/crossroads.db", xdg, got, err)
		}
	}
}

func TestResolveURL(t *testing.T) {
	t.Setenv(store.EnvDatabaseURL, "")
	if got := store.ResolveURL(""); got != "" {
		t.Errorf("nothing set: got %q, want empty", got)
	}
	t.Setenv(store.EnvDatabaseURL, "/from/env.db")
	if got := store.ResolveURL(""); got != "/from/env.db" {
		t.Errorf("env set: got %q, want /from/env.db", got)
	}
	if got := store.ResolveURL("/from/flag.db"); got != "/from/flag.db" {
		t.Errorf("flag and env set: got %q, want the flag", got)
	}
}

func TestIsPostgres(t *testing.T) {
	for url, want := range map[string]bool{
		"postgres://u@h/db":   true,
		"postgresql://u@h/db": true,
		"/var/lib/x.db":       false,
		"postgres.db":         false,
		"":                    false,
	} {
		if got := store.IsPostgres(url); got != want {
			t.Errorf("IsPostgres(%q) = %v, want %v", url, got, want)
		}
	}
}

func TestOpenDefaultSQLite(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	s, err := store.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	path := filepath.Join(dir, "crossroads", "crossroads.db")
	if _, err := os.Stat(path); err != nil {
		t.Errorf("default database not created: %v", err)
	}
	if _, ok := s.(*sqlite.DB); !ok {
		t.Errorf("Open(\"\") returned %T, want *sqlite.DB", s)
	}
	info, err := os.Stat(filepath.Dir(path))
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("database directory mode = %v, %v; want 0700", info.Mode().Perm(), err)
	}
}

func TestOpenPostgres(t *testing.T) {
	url := dbtest.PostgresSchemaURL(t)
	s, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*postgres.DB); !ok {
		t.Errorf("Open(%q) returned %T, want *postgres.DB", url, s)
	}
}
