-- Accounts, password-reset tokens and failed sign-ins.
-- Times are UTC text in the fixed-width form 2006-01-02T15:04:05.000000Z.

-- +goose Up
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT, -- ids are never reused
    email         TEXT NOT NULL,
    email_norm    TEXT NOT NULL UNIQUE,          -- lower-cased, trimmed email
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('client', 'coach', 'admin')),
    password_hash TEXT NOT NULL DEFAULT '',      -- argon2id PHC string; '' = no password
    created_at    TEXT NOT NULL
);

CREATE TABLE reset_tokens (
    token_hash TEXT PRIMARY KEY,                 -- hex SHA-256 of the token
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX reset_tokens_user_id ON reset_tokens (user_id);

CREATE TABLE login_attempts (
    id          INTEGER PRIMARY KEY,
    attempt_key TEXT NOT NULL,                   -- such as 'email:ada@example.com' or 'ip:192.0.2.1'
    at          TEXT NOT NULL
);
CREATE INDEX login_attempts_key_at ON login_attempts (attempt_key, at);
CREATE INDEX login_attempts_at ON login_attempts (at);

-- +goose Down
DROP TABLE login_attempts;
DROP TABLE reset_tokens;
DROP TABLE users;
