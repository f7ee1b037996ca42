-- Orders and their items. Items and totals never change after an order is placed; status moves along the
-- place-order saga. An idempotency key is unique per shopper, so concurrent replays of one request store one order.
CREATE TABLE orders (
    id                  UUID           PRIMARY KEY,
    user_id             UUID           NOT NULL,
    status              VARCHAR(16)    NOT NULL
        CONSTRAINT orders_status_check CHECK (status IN ('PENDING', 'RESERVED', 'CONFIRMED', 'CANCELLED', 'SHIPPED')),
    total_amount        NUMERIC(14, 2) NOT NULL CHECK (total_amount >= 0),
    currency            CHAR(3)        NOT NULL,
    payment_method      VARCHAR(64)    NOT NULL,
    cancellation_reason VARCHAR(500),
    idempotency_key     VARCHAR(100),
    placed_at           TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    CONSTRAINT orders_idempotency_key UNIQUE (user_id, idempotency_key),
    CONSTRAINT orders_cancelled_with_reason CHECK ((status = 'CANCELLED') = (cancellation_reason IS NOT NULL))
);

-- "My orders", newest first.
CREATE INDEX orders_user_placed_idx ON orders (user_id, placed_at DESC);
-- The saga deadline scan looks only at orders still in progress.
CREATE INDEX orders_in_progress_idx ON orders (placed_at) WHERE status IN ('PENDING', 'RESERVED');

CREATE TABLE order_items (
    order_id   UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no    INT            NOT NULL,
    product_id UUID           NOT NULL,
    quantity   INT            NOT NULL CHECK (quantity > 0),
    unit_price NUMERIC(14, 2) NOT NULL CHECK (unit_price >= 0),
    currency   CHAR(3)        NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
