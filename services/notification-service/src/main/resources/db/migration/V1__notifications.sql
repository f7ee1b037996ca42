-- Every shopper's notifications. The platform's outbox and processed_events tables come from the service
-- starter's repeatable migration.
CREATE TABLE notifications (
    id         UUID          PRIMARY KEY,
    -- The position in the feed that pushes new notifications to connected shoppers. Inserts take it while
    -- holding a transaction-scoped advisory lock, so positions become visible in the order they were given.
    position   BIGINT        GENERATED ALWAYS AS IDENTITY UNIQUE,
    user_id    UUID          NOT NULL,
    kind       VARCHAR(40)   NOT NULL,
    title      VARCHAR(200)  NOT NULL,
    message    VARCHAR(1000) NOT NULL,
    reference  VARCHAR(200),
    created_at TIMESTAMPTZ   NOT NULL,
    read       BOOLEAN       NOT NULL DEFAULT FALSE
);

CREATE INDEX notifications_recipient_newest_idx ON notifications (user_id, created_at DESC, position DESC);
