-- Look-alikes of an existing address are refused like the address itself. NULL only for the rare account the
-- backfill (V6) found to be a look-alike of an older one.
CREATE UNIQUE INDEX users_email_skeleton_key ON users (email_skeleton);

-- Until now ADMIN was granted at sign-up to whoever first registered a configured address (or one that compared equal
-- to it), which proved nothing. Administrators are provisioned by the operator from now on (actuator endpoint
-- "administrators"), so no role granted the old way is kept.
DELETE FROM user_roles WHERE role = 'ADMIN';

-- Failed log-ins now lock one (e-mail, client address) pair, never the e-mail for everyone. The counts are
-- short-lived, so the old per-e-mail ones are simply dropped.
DROP TABLE login_attempts;

-- Recent failed log-ins per canonical e-mail and client address, whether or not the e-mail has an account (so a lock
-- does not tell which addresses are registered). A successful log-in from that address deletes the row.
CREATE TABLE login_attempts (
    email             VARCHAR(254) NOT NULL,
    client_address    TEXT         NOT NULL,
    failures          INT          NOT NULL CONSTRAINT login_attempts_failures_positive CHECK (failures > 0),
    window_started_at TIMESTAMPTZ  NOT NULL,
    locked_until      TIMESTAMPTZ,
    PRIMARY KEY (email, client_address)
);

-- Recent failed log-ins per canonical e-mail from every address: past a threshold they make log-ins for it wait
-- (next_attempt_at) instead of locking it.
CREATE TABLE login_throttles (
    email           VARCHAR(254) PRIMARY KEY,
    failures        INT          NOT NULL CONSTRAINT login_throttles_failures_positive CHECK (failures > 0),
    last_failure_at TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ
);
