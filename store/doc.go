// Package store chooses and opens the Crossroads store named by a database
// URL: a postgres:// URL selects PostgreSQL (store/postgres), anything else
// is the path of a SQLite file (store/sqlite), and the empty URL is the
// default SQLite file (DefaultPath). The subpackages implement the store;
// store/storetest is the conformance suite they pass.
package store
