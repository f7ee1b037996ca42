-- Tables every event-driven service gets from the service starter (a repeatable migration, so it
-- never competes with a service's own version numbers).

-- The outbox: an event is written here in the transaction of the state change that caused it, and
-- published to Kafka afterwards by the relay. A crash between commit and send loses nothing.
CREATE TABLE IF NOT EXISTS outbox_events (
    id           UUID         PRIMARY KEY,
    position     BIGSERIAL    NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    event_key    VARCHAR(200) NOT NULL,
    type         VARCHAR(200) NOT NULL,
    subject      VARCHAR(200),
    payload      BYTEA        NOT NULL,
    traceparent  VARCHAR(64),
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS outbox_events_unpublished_idx ON outbox_events (position) WHERE published_at IS NULL;

-- Idempotent consumers: the id of every event a consumer handled, written in the transaction of its effect.
CREATE TABLE IF NOT EXISTS processed_events (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
