-- Server-side sessions, in the layout of the scs sqlite3store
-- (expiry is a Julian day number).

-- +goose Up
CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BLOB NOT NULL,
    expiry REAL NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

-- +goose Down
DROP TABLE sessions;
