-- Accounts, password-reset tokens and failed sign-ins.

-- +goose Up
CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         TEXT NOT NULL,
    email_norm    TEXT NOT NULL CONSTRAINT users_email_norm_key UNIQUE,  -- lower-cased, trimmed email
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CONSTRAINT users_role_check CHECK (role IN ('client', 'coach', 'admin')),
    password_hash TEXT NOT NULL DEFAULT '',      -- argon2id PHC string; '' = no password
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE reset_tokens (
    token_hash TEXT PRIMARY KEY,                 -- hex SHA-256 of the token
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX reset_tokens_user_id ON reset_tokens (user_id);

CREATE TABLE login_attempts (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempt_key TEXT NOT NULL,                   -- such as 'email:ada@example.com' or 'ip:192.0.2.1'
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_attempts_key_at ON login_attempts (attempt_key, at);
CREATE INDEX login_attempts_at ON login_attempts (at);

-- +goose Down
DROP TABLE login_attempts;
DROP TABLE reset_tokens;
DROP TABLE users;
