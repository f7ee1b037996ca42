package dev.microshop.payment.domain.payment;

/** Where a payment stands. */
public enum PaymentStatus {
    /** The provider is being asked to charge, or was asked and its answer is not recorded yet. */
    CHARGING,
    /** The provider charged the order's amount. */
    COMPLETED,
    /** Nothing was charged: the provider declined, or was never asked because the deadline had passed. */
    DECLINED,
    /** The provider could not be reached in time; a timed-out attempt may still have charged. */
    FAILED,
    /** The order was cancelled: whatever the provider charged for it must be paid back. */
    REFUND_PENDING,
    /** The charge was paid back in full. */
    REFUNDED,
    /** The order was cancelled and the provider held no charge for it. */
    VOIDED
}
