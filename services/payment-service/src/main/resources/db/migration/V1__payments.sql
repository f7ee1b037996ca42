-- One payment per order: the unique order id is what keeps a redelivered request from paying twice.
CREATE TABLE payments (
    id                 UUID          PRIMARY KEY,
    order_id           VARCHAR(100)  NOT NULL UNIQUE,
    user_id            VARCHAR(100),
    amount             NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    currency           CHAR(3)       NOT NULL,
    payment_method     VARCHAR(100)  NOT NULL,
    status             VARCHAR(20)   NOT NULL
        CHECK (status IN ('COMPLETED', 'DECLINED', 'FAILED', 'REFUND_PENDING', 'REFUNDED', 'VOIDED')),
    provider_charge_id VARCHAR(100),
    failure_reason     VARCHAR(500),
    provider_refund_id VARCHAR(100),
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL
);

-- The refunds still to be tried again.
CREATE INDEX payments_refund_due_idx ON payments (updated_at) WHERE status = 'REFUND_PENDING';
