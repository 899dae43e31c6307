package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/internal/sqlstore"
	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the embedded migration files, named NNNNN_name.sql.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic("sqlite: embedded migrations: " + err.Error())
	}
	return sub
}

// Memory is the path that opens a private in-memory database.
const Memory = ":memory:"

// DB is a Crossroads store in one SQLite database. It implements
// crossroads.Store through the embedded *sqlstore.Store, whose Now field is
// the replaceable clock.
type DB struct {
	*sqlstore.Store

	// SQL is the underlying database, for a session store (scs
	// sqlite3store) that shares the file.
	SQL *sql.DB

	path string
}

var _ crossroads.Store = (*DB)(nil)

// dsn returns the data source name of the database at path.
func dsn(path string) string {
	return path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_txlock=immediate"
}

// Open opens (creating if needed) the SQLite database at path and applies
// the migrations it lacks. The path Memory opens an in-memory database,
// useful in tests; it lives on a single connection, since each connection
// would otherwise get a database of its own.
func Open(path string) (*DB, error) {
	const op = "store/sqlite.Open"
	if path == "" {
		return nil, &crossroads.Error{Op: op, Kind: crossroads.Invalid, Message: "database path is empty"}
	}
	if strings.ContainsAny(path, "?#") {
		return nil, &crossroads.Error{Op: op, Kind: crossroads.Invalid,
			Message: fmt.Sprintf("database path %q must not contain ? or #", path)}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, &crossroads.Error{Op: op, Message: "opening " + path, Err: err}
	}
	if path == Memory {
		db.SetMaxOpenConns(1)
	}
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, &crossroads.Error{Op: op, Message: "opening " + path, Err: err}
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, &crossroads.Error{Op: op, Message: "migrating " + path, Err: err}
	}
	d := sqlstore.Dialect{
		Op:          "store/sqlite",
		FormatError: formatError,
		Time:        func(t time.Time) any { return t.Format(sqlstore.SQLiteTimeLayout) },
		Snapshot:    sql.TxOptions{ReadOnly: true}, // a deferred BEGIN: one snapshot from the first read
	}
	return &DB{Store: sqlstore.New(db, d), SQL: db, path: path}, nil
}

// migrate applies the embedded migrations that db lacks.
func migrate(ctx context.Context, db *sql.DB) error {
	p, err := goose.NewProvider(goose.DialectSQLite3, db, Migrations(),
		goose.WithDisableGlobalRegistry(true), goose.WithLogger(goose.NopLogger()))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// Close closes the database.
func (db *DB) Close() error {
	if err := db.SQL.Close(); err != nil {
		return &crossroads.Error{Op: "store/sqlite.Close", Err: err}
	}
	return nil
}

// Path returns the path the database was opened with.
func (db *DB) Path() string { return db.path }

// IntegrityCheck runs SQLite's PRAGMA integrity_check and PRAGMA
// foreign_key_check and returns an Internal error listing what they found,
// or nil for a sound database.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	const op = "store/sqlite.IntegrityCheck"
	var problems []string
	rows, err := db.SQL.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return &crossroads.Error{Op: op, Err: err}
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return &crossroads.Error{Op: op, Err: err}
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return &crossroads.Error{Op: op, Err: err}
	}
	rows, err = db.SQL.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return &crossroads.Error{Op: op, Err: err}
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int64
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return &crossroads.Error{Op: op, Err: err}
		}
		problems = append(problems, fmt.Sprintf("%s row %d refers to a missing %s row", table, rowid.Int64, parent))
	}
	if err := rows.Err(); err != nil {
		return &crossroads.Error{Op: op, Err: err}
	}
	if len(problems) > 0 {
		return &crossroads.Error{Op: op, Err: errors.New(strings.Join(problems, "; "))}
	}
	return nil
}
