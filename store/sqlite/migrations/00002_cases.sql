-- Cases, coach-client links, shares, their codes and the audit log.

-- +goose Up
CREATE TABLE cases (
    id         INTEGER PRIMARY KEY AUTOINCREMENT, -- ids are never reused
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    title      TEXT NOT NULL,
    document   BLOB NOT NULL,
    format     TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_owner_id ON cases (owner_id);
CREATE INDEX cases_created_by ON cases (created_by);

CREATE TABLE coach_clients (
    coach_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (coach_id, client_id),
    CHECK (coach_id <> client_id)
);
CREATE INDEX coach_clients_client_id ON coach_clients (client_id);

CREATE TABLE client_invites (
    code_hash  TEXT PRIMARY KEY,                 -- hex SHA-256 of the code
    coach_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX client_invites_coach_id ON client_invites (coach_id);

CREATE TABLE shares (
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    coach_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,                             -- NULL while the share is active
    PRIMARY KEY (case_id, coach_id)
);
CREATE INDEX shares_coach_id ON shares (coach_id);

CREATE TABLE share_codes (
    code_hash  TEXT PRIMARY KEY,                 -- hex SHA-256 of the code
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX share_codes_case_id ON share_codes (case_id);

-- Audit entries outlive their case (no foreign key on case_id), so that the
-- owner still sees that it was deleted; they go with the owner's account.
CREATE TABLE audit_entries (
    id         INTEGER PRIMARY KEY AUTOINCREMENT, -- ids are never reused
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    case_id    INTEGER NOT NULL,
    case_title TEXT NOT NULL,
    actor_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action     TEXT NOT NULL CHECK (action IN ('view', 'create', 'update', 'delete', 'share', 'revoke', 'export')),
    at         TEXT NOT NULL
);
CREATE INDEX audit_entries_owner_id ON audit_entries (owner_id, at);
CREATE INDEX audit_entries_case_id ON audit_entries (case_id);
CREATE INDEX audit_entries_actor_id ON audit_entries (actor_id);

-- +goose Down
DROP TABLE audit_entries;
DROP TABLE share_codes;
DROP TABLE shares;
DROP TABLE client_invites;
DROP TABLE coach_clients;
DROP TABLE cases;
