-- RSA keys that sign access tokens, DER-encoded. The active key has no retired_at; a retired key keeps only its
-- public half, published until the tokens it signed have expired.
CREATE TABLE signing_keys (
    kid         VARCHAR(64) PRIMARY KEY,
    public_key  BYTEA       NOT NULL,
    private_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL,
    retired_at  TIMESTAMPTZ,
    CONSTRAINT signing_keys_private_only_while_active CHECK ((retired_at IS NULL) = (private_key IS NOT NULL))
);

-- At most one active key, even if two instances rotate at the same moment.
CREATE UNIQUE INDEX signing_keys_one_active_idx ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
