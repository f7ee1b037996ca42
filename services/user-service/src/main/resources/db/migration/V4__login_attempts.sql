-- Recent failed log-ins per normalized e-mail address, whether or not it has an account (so that a lock does not
-- tell which addresses are registered). Every instance reads and counts here; a successful log-in deletes the row.
CREATE TABLE login_attempts (
    email             VARCHAR(254) PRIMARY KEY,
    failures          INT          NOT NULL CONSTRAINT login_attempts_failures_positive CHECK (failures > 0),
    window_started_at TIMESTAMPTZ  NOT NULL,
    locked_until      TIMESTAMPTZ
);
