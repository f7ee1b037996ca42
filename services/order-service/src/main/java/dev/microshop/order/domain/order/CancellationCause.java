package dev.microshop.order.domain.order;

/** Why an order was cancelled, in categories few enough to count (the reason's text says more). */
public enum CancellationCause {
    /** Inventory could not reserve the items. */
    OUT_OF_STOCK,
    /** The payment provider declined or failed the charge. */
    PAYMENT_FAILED,
    /** Stock or payment did not come within the saga's deadline. */
    DEADLINE_PASSED,
    BY_CUSTOMER,
    BY_ADMINISTRATOR
}
