-- Issue 19: passkeys (WebAuthn). Signing in without a password, from the button or the
-- email field's autofill, and the account page's list of passkeys.

-- The WebAuthn user handle of an account: a random UUID, drawn when its first passkey is
-- added. An authenticator keeps it with the credential and hands it back at sign-in; it
-- says nothing about the person (never the email or the row id).
ALTER TABLE users ADD COLUMN webauthn_handle TEXT;
CREATE UNIQUE INDEX users_by_webauthn_handle ON users(webauthn_handle);

-- One passkey of an account. credential_id: the credential's id (base64url), what an
-- assertion names; public_id: what the account page renames and removes it by (never
-- the credential id). passkey: what the WebAuthn library needs to verify an assertion,
-- serialised (the public key, the signature counter, the backup flags); it is no secret.
-- user_agent: the browser it was added in, shown in words.
CREATE TABLE passkeys (
    id            INTEGER PRIMARY KEY,
    public_id     TEXT    NOT NULL UNIQUE,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_id TEXT    NOT NULL UNIQUE,
    passkey       TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    user_agent    TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER
);
CREATE INDEX passkeys_by_user ON passkeys(user_id);

-- A ceremony between its options and its answer. kind: authentication (signing in, no
-- account yet: user_id is NULL) | registration (adding a passkey to user_id). Only a
-- SHA-256 of the cookie's value; state: the library's serialised ceremony state (the
-- challenge among it). Deleted when answered, right or wrong: every challenge works once.
CREATE TABLE passkey_ceremonies (
    hash       TEXT    PRIMARY KEY,
    kind       TEXT    NOT NULL,
    user_id    INTEGER REFERENCES users(id) ON DELETE CASCADE,
    state      TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);
