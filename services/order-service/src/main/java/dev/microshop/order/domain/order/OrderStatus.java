package dev.microshop.order.domain.order;

/**
 * Where an order is in its life: PENDING until stock is reserved, RESERVED until paid, then CONFIRMED (and
 * possibly SHIPPED) or CANCELLED. CANCELLED and SHIPPED are final.
 */
public enum OrderStatus {
    PENDING,
    RESERVED,
    CONFIRMED,
    CANCELLED,
    SHIPPED;

    /** The place-order saga still waits for stock or payment. */
    public boolean isInProgress() {
        return this == PENDING || this == RESERVED;
    }
}
