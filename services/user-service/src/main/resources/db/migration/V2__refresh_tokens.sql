-- One family per log-in; every refresh token descending from that log-in belongs to it, so that a replayed
-- token can revoke them all.
CREATE TABLE refresh_token_families (
    id         UUID        PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    started_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_token_families_user_id_idx ON refresh_token_families (user_id);

-- Only the SHA-256 (hex) of a token is stored: a copy of this table cannot be used to log in.
CREATE TABLE refresh_tokens (
    token_hash CHAR(64)    PRIMARY KEY,
    family_id  UUID        NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
