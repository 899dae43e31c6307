-- The session epoch of an account: a signed-in session records it, and a
-- password reset increments it, which ends every session made before.

-- +goose Up
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE users DROP COLUMN session_epoch;
