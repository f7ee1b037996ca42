-- One reservation per order (the primary key makes a repeated order.created reserve nothing twice). Its lines are
-- what the order asked for; only a RESERVED reservation holds them out of the available stock.
CREATE TABLE stock_reservations (
    order_id         UUID        PRIMARY KEY,
    status           VARCHAR(16) NOT NULL
        CONSTRAINT stock_reservations_status_known CHECK (status IN ('RESERVED', 'REJECTED', 'SOLD', 'RELEASED', 'CANCELLED')),
    rejection_reason TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT stock_reservations_reason_iff_rejected CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
);

-- No foreign key to products: a rejected order may name a product that does not exist.
CREATE TABLE stock_reservation_lines (
    order_id   UUID    NOT NULL REFERENCES stock_reservations (order_id),
    product_id UUID    NOT NULL,
    quantity   INTEGER NOT NULL CONSTRAINT stock_reservation_lines_quantity_positive CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);
