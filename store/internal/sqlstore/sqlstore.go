package sqlstore

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/crossroads/crossroads"
)

// Dialect is what a backend tells the shared code about its database.
type Dialect struct {
	// Op prefixes the operation of errors, as in "store/sqlite".
	Op string
	// FormatError maps an error of the driver to a *crossroads.Error when it
	// is a constraint violation the backend knows, and returns any other
	// error unchanged.
	FormatError func(error) error
	// Time encodes a UTC time, truncated to microseconds, as a query
	// argument.
	Time func(time.Time) any
	// Snapshot are the options of a read-only transaction that sees one
	// consistent state of the database.
	Snapshot sql.TxOptions
}

// Store implements crossroads.Store on a *sql.DB whose schema the backend
// has migrated.
type Store struct {
	db *sql.DB
	d  Dialect

	// Now is the clock; nil means time.Now. Tests replace it to move time
	// forward (expiry of codes and tokens, the sign-in window).
	Now func() time.Time
}

// New returns a Store on db.
func New(db *sql.DB, d Dialect) *Store {
	return &Store{db: db, d: d}
}

// CloseDB closes the *sql.DB.
func (s *Store) CloseDB() error { return s.db.Close() }

// now returns the current time of the store's clock, in UTC, truncated to
// the microseconds both databases keep.
func (s *Store) now() time.Time {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	return now().UTC().Truncate(time.Microsecond)
}

// t encodes a time as a query argument.
func (s *Store) t(t time.Time) any {
	return s.d.Time(t.UTC().Truncate(time.Microsecond))
}

// fail turns err into a *crossroads.Error with the operation set: a domain
// error keeps its kind, a constraint violation gets the backend's kind, and
// anything else is Internal.
func (s *Store) fail(op string, err error) error {
	if err == nil {
		return nil
	}
	err = s.d.FormatError(err)
	op = s.d.Op + "." + op
	var e *crossroads.Error
	if errors.As(err, &e) {
		c := *e
		if c.Op == "" {
			c.Op = op
		}
		return &c
	}
	return &crossroads.Error{Op: op, Kind: crossroads.Internal, Err: err}
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in a read-write transaction and commits when fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.runTx(ctx, nil, fn)
}

// inSnapshot runs fn in a read-only transaction that sees one state.
func (s *Store) inSnapshot(ctx context.Context, fn func(tx *sql.Tx) error) error {
	opts := s.d.Snapshot
	return s.runTx(ctx, &opts, fn)
}

func (s *Store) runTx(ctx context.Context, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// actor returns the id of the acting user of ctx as an audit argument, or
// nil (SQL NULL) when there is none.
func actor(ctx context.Context) any {
	if u := crossroads.UserFromContext(ctx); u != nil && u.ID != 0 {
		return u.ID
	}
	return nil
}

// newSecret returns a fresh code or token (32 random bytes, unpadded
// base64url) and the hash under which it is stored.
func newSecret() (plain, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("reading random bytes: %w", err)
	}
	plain = base64.RawURLEncoding.EncodeToString(b)
	return plain, hashSecret(plain), nil
}

// hashSecret returns the hex SHA-256 of a code or token: what is stored, so
// that a copy of the database does not hand out working links.
func hashSecret(plain string) string {
	sum := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(sum[:])
}

func checkTTL(ttl time.Duration) error {
	if ttl <= 0 {
		return crossroads.Errorf(crossroads.Invalid, "lifetime %v of a code must be positive", ttl)
	}
	return nil
}

// timeDest scans a time stored as a time (PostgreSQL) or as RFC 3339 text
// (SQLite) into *p, in UTC.
type timeDest struct{ p *time.Time }

func (d timeDest) Scan(src any) error {
	t, ok, err := parseTime(src)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("unexpected NULL time")
	}
	*d.p = t
	return nil
}

// nullTimeDest is timeDest for a column that may be NULL, stored as a nil
// pointer.
type nullTimeDest struct{ p **time.Time }

func (d nullTimeDest) Scan(src any) error {
	t, ok, err := parseTime(src)
	if err != nil {
		return err
	}
	if ok {
		*d.p = &t
	} else {
		*d.p = nil
	}
	return nil
}

func parseTime(src any) (time.Time, bool, error) {
	switch v := src.(type) {
	case nil:
		return time.Time{}, false, nil
	case time.Time:
		return v.UTC(), true, nil
	case string:
		t, err := time.Parse(time.RFC3339Nano, v)
		return t.UTC(), err == nil, err
	case []byte:
		t, err := time.Parse(time.RFC3339Nano, string(v))
		return t.UTC(), err == nil, err
	}
	return time.Time{}, false, fmt.Errorf("cannot scan %T into a time", src)
}

// SQLiteTimeLayout is the fixed-width text form of a UTC time in SQLite:
// equal widths make text order the order of time.
const SQLiteTimeLayout = "2006-01-02T15:04:05.000000Z"

// exists runs a COUNT query and reports whether it counted anything.
func exists(ctx context.Context, q querier, query string, args ...any) (bool, error) {
	var n int64
	if err := q.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return false, err
	}
	return n > 0, nil
}
