// Package sqlstore implements crossroads.Store over database/sql with one
// SQL text for SQLite and PostgreSQL. The two backends, store/sqlite and
// store/postgres, own everything that differs: opening the database, the
// schema and its migrations, how a time is passed as an argument, and the
// mapping of their constraint errors to domain kinds (Dialect).
//
// The SQL here sticks to what both databases understand: $n placeholders,
// RETURNING, ON CONFLICT … DO UPDATE, COALESCE and EXISTS. Times are UTC with
// microsecond precision; SQLite stores them as fixed-width RFC 3339 text,
// whose order is the order of time.
package sqlstore
