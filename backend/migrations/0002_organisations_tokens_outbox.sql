CREATE TABLE organisations (
    id         INTEGER PRIMARY KEY,
    -- Not unique: two self-registered firms may share a name without sharing an account.
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- main: the organisation's own account, invited at once.
-- employee: invited only once assigned to a project.
ALTER TABLE users ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);
ALTER TABLE users ADD COLUMN account_type TEXT NOT NULL DEFAULT 'main';

CREATE TABLE projects (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name            TEXT    NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE project_members (
    project_id  INTEGER NOT NULL REFERENCES projects(id),
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    assigned_at INTEGER NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

-- One-time tokens from emailed links. Only a SHA-256 of the token is stored.
-- purpose: verify_email | invitation | password_reset
CREATE TABLE tokens (
    hash       TEXT    PRIMARY KEY,
    purpose    TEXT    NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    invited_by TEXT,
    project    TEXT
);
CREATE INDEX tokens_by_user ON tokens(user_id, purpose);

-- Every email the backend composes; dev mode shows them at /dev/mail.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    recipient  TEXT    NOT NULL,
    locale     TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    text_body  TEXT    NOT NULL,
    html_body  TEXT    NOT NULL,
    links      TEXT    NOT NULL, -- JSON array of the absolute URLs in the message
    sent_at    INTEGER NOT NULL
);

-- Sliding-window counters for rate limits: one row per counted event.
CREATE TABLE rate_events (
    bucket TEXT    NOT NULL,
    at     INTEGER NOT NULL
);
CREATE INDEX rate_events_by_bucket ON rate_events(bucket, at);

-- Single sign-on: the local stand-in identity provider's authorisation codes.
CREATE TABLE sso_codes (
    hash           TEXT    PRIMARY KEY,
    email          TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    code_challenge TEXT    NOT NULL,
    expires_at     INTEGER NOT NULL,
    used_at        INTEGER
);
