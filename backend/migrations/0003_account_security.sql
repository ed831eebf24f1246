-- Issue 18: account security. Two-step verification with an authenticator app, the
-- second sign-in step, trusted devices, and sessions a person can see and end.

-- The organisation requires two-step verification of every account in it.
ALTER TABLE organisations ADD COLUMN two_step_required INTEGER NOT NULL DEFAULT 0;

-- public_id: what the sessions list shows and ends a session by (never the cookie).
-- authenticated_at: when the password (or a code) was last given in this session; a
-- "recent sign-in" is one within ten minutes. last_used_at: updated at most once a minute.
ALTER TABLE sessions ADD COLUMN public_id TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN authenticated_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN last_used_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET public_id = lower(hex(randomblob(16))),
                    authenticated_at = created_at,
                    last_used_at = created_at;
CREATE UNIQUE INDEX sessions_by_public_id ON sessions(public_id);

-- The authenticator key of an account with two-step verification on. The reference
-- backend keeps the secret as is; a real backend encrypts it at rest (it cannot be
-- hashed: checking a code needs the key itself).
-- last_step: the last time step whose code was accepted; only a later one is, so every
-- code works once.
CREATE TABLE totp_keys (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret     TEXT    NOT NULL,
    last_step  INTEGER NOT NULL,
    enabled_at INTEGER NOT NULL
);

-- A key shown to be put in the app, not yet confirmed with a code from it. One per account.
CREATE TABLE totp_setups (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret     TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);

-- Single-use recovery codes: only a SHA-256 of each.
CREATE TABLE recovery_codes (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    hash       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    used_at    INTEGER,
    PRIMARY KEY (user_id, hash)
);

-- A right password waiting for its second step. kind: code | enrol. Only a SHA-256 of
-- the cookie's value; no session exists until the step succeeds.
CREATE TABLE sign_in_challenges (
    hash       TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    remember   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sign_in_challenges_by_user ON sign_in_challenges(user_id);

-- Browsers whose password sign-ins skip the second step. Only a SHA-256 of the cookie.
CREATE TABLE trusted_devices (
    hash       TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX trusted_devices_by_user ON trusted_devices(user_id);
