package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/postgres"
	"github.com/crossroads/crossroads/store/sqlite"
)

// EnvDatabaseURL names the environment variable that gives the database URL
// when no --database-url flag does.
const EnvDatabaseURL = "CROSSROADS_DATABASE_URL"

// ResolveURL returns the database URL to use: flag when it is set, else the
// value of EnvDatabaseURL, else "" (the default SQLite file).
func ResolveURL(flag string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv(EnvDatabaseURL)
}

// IsPostgres reports whether url selects PostgreSQL: it starts with
// "postgres://" or "postgresql://".
func IsPostgres(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

// DefaultPath returns the default SQLite database file:
// $XDG_DATA_HOME/crossroads/crossroads.db, or, when XDG_DATA_HOME is unset
// or not absolute (as the XDG Base Directory Specification asks),
// ~/.local/share/crossroads/crossroads.db.
func DefaultPath() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "crossroads", "crossroads.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", crossroads.Errorf(crossroads.Invalid,
			"no home directory to keep the database in (%v); set %s", err, EnvDatabaseURL)
	}
	return filepath.Join(home, ".local", "share", "crossroads", "crossroads.db"), nil
}

// Open opens the store named by url and applies its migrations: PostgreSQL
// for a postgres:// URL, else the SQLite file at url, or at DefaultPath when
// url is "" (creating its directory, readable by the owner only).
func Open(ctx context.Context, url string) (crossroads.Store, error) {
	if IsPostgres(url) {
		return postgres.Open(ctx, url)
	}
	path := url
	if path == "" {
		var err error
		if path, err = DefaultPath(); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, &crossroads.Error{Op: "store.Open", Kind: crossroads.Invalid,
				Message: fmt.Sprintf("cannot create the database directory %s", filepath.Dir(path)), Err: err}
		}
	}
	return sqlite.Open(path)
}
