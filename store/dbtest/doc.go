// Package dbtest opens throwaway stores for tests: a SQLite file under
// t.TempDir() always, and a PostgreSQL schema of its own when the variable
// CROSSROADS_TEST_POSTGRES holds the URL of a test database. Tests that want
// to run on every backend range over Backends.
package dbtest
