// Package sqlite stores Crossroads data in a SQLite database file, with the
// pure-Go driver modernc.org/sqlite (no cgo: CGO_ENABLED=0 builds work).
//
// Open turns on WAL, foreign keys and a 5-second busy timeout, makes every
// write transaction BEGIN IMMEDIATE (so that two writers queue instead of
// failing on a lock upgrade), and applies the embedded migrations
// (migrations/*.sql, run by goose). The queries themselves are shared with
// store/postgres; this package owns the schema and the mapping of SQLite's
// constraint errors to domain error kinds.
package sqlite
