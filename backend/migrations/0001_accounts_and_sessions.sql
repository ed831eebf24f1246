CREATE TABLE users (
    id                INTEGER PRIMARY KEY,
    email             TEXT    NOT NULL UNIQUE,
    name              TEXT    NOT NULL,
    password_hash     TEXT,
    locale            TEXT    NOT NULL DEFAULT 'nl',
    email_verified_at INTEGER,
    created_at        INTEGER NOT NULL
);

-- Only a hash of the session id is stored, so a leaked database cannot be replayed as cookies.
CREATE TABLE sessions (
    id_hash    TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    persistent INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);
