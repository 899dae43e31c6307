package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"hash/fnv"
	"io/fs"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/internal/sqlstore"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the embedded migration files, named NNNNN_name.sql.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic("postgres: embedded migrations: " + err.Error())
	}
	return sub
}

// DB is a Crossroads store in a PostgreSQL database. It implements
// crossroads.Store through the embedded *sqlstore.Store, whose Now field is
// the replaceable clock.
type DB struct {
	*sqlstore.Store

	// Pool is the connection pool, for a session store (scs pgxstore).
	Pool *pgxpool.Pool
	// SQL is the same pool seen through database/sql.
	SQL *sql.DB
}

var _ crossroads.Store = (*DB)(nil)

// Open connects to the database at url (such as
// "postgres://user@host:5432/dbname?sslmode=disable") and applies the
// migrations it lacks.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// The error of ParseConfig may quote the URL with its password.
		return nil, &crossroads.Error{Op: "store/postgres.Open", Kind: crossroads.Invalid,
			Message: "the PostgreSQL URL is not valid (want postgres://user@host:port/dbname?options)"}
	}
	return OpenConfig(ctx, cfg)
}

// OpenConfig is Open with a parsed configuration, for callers that set
// connection parameters such as search_path (cfg.ConnConfig.RuntimeParams).
func OpenConfig(ctx context.Context, cfg *pgxpool.Config) (*DB, error) {
	const op = "store/postgres.Open"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, &crossroads.Error{Op: op, Message: "connecting to PostgreSQL", Err: err}
	}
	db := stdlib.OpenDBFromPool(pool)
	fail := func(msg string, err error) (*DB, error) {
		db.Close()
		pool.Close()
		return nil, &crossroads.Error{Op: op, Message: msg, Err: err}
	}
	if err := db.PingContext(ctx); err != nil {
		return fail(fmt.Sprintf("connecting to PostgreSQL at %s:%d", cfg.ConnConfig.Host, cfg.ConnConfig.Port), err)
	}
	if err := migrate(ctx, db); err != nil {
		return fail("migrating the database", err)
	}
	d := sqlstore.Dialect{
		Op:          "store/postgres",
		FormatError: formatError,
		Time:        func(t time.Time) any { return t },
		Snapshot:    sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead},
	}
	return &DB{Store: sqlstore.New(db, d), Pool: pool, SQL: db}, nil
}

// migrate applies the embedded migrations that db lacks, holding an advisory
// lock whose id is derived from the schema, so that processes migrating the
// same schema wait for each other while other schemas go ahead.
func migrate(ctx context.Context, db *sql.DB) error {
	var schema sql.NullString
	if err := db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return err
	}
	if !schema.Valid {
		return fmt.Errorf("no schema of the search_path exists")
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "crossroads migrations in schema %s", schema.String)
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(int64(h.Sum64()>>1)), lock.WithLockTimeout(1, 300))
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, Migrations(),
		goose.WithDisableGlobalRegistry(true), goose.WithLogger(goose.NopLogger()), goose.WithSessionLocker(locker))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// Close closes the database and its pool.
func (db *DB) Close() error {
	err := db.SQL.Close()
	db.Pool.Close()
	if err != nil {
		return &crossroads.Error{Op: "store/postgres.Close", Err: err}
	}
	return nil
}
