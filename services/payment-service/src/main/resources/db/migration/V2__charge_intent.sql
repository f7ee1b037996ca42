-- A charge is recorded as CHARGING before the provider is asked, so that whatever the provider did is found again.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN
    ('CHARGING', 'COMPLETED', 'DECLINED', 'FAILED', 'REFUND_PENDING', 'REFUNDED', 'VOIDED'));
-- When the provider was last asked to charge; NULL: never, so nothing can stand charged.
ALTER TABLE payments ADD COLUMN charge_attempted_at TIMESTAMPTZ;
UPDATE payments SET charge_attempted_at = created_at;

-- The reconciler's look at recent completed payments.
CREATE INDEX payments_completed_created_idx ON payments (created_at) WHERE status = 'COMPLETED';

-- Orders known to be cancelled: a payment request that comes after its order's cancellation is never charged.
CREATE TABLE cancelled_orders (
    order_id     VARCHAR(100) PRIMARY KEY,
    cancelled_at TIMESTAMPTZ  NOT NULL
);
