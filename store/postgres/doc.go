// Package postgres stores Crossroads data in PostgreSQL through
// github.com/jackc/pgx/v5: one *pgxpool.Pool, seen by the shared queries as a
// *sql.DB (pgx/v5/stdlib) and available as is for a session store (scs
// pgxstore).
//
// Open applies the embedded migrations (migrations/*.sql, run by goose)
// under a session-level advisory lock, so that several servers starting at
// once migrate one after the other. Tables live in the first schema of the
// connection's search_path, so that tests can isolate each run in a schema of
// its own. The queries are shared with store/sqlite; this package owns the
// schema and the mapping of PostgreSQL's constraint errors to domain kinds.
package postgres
