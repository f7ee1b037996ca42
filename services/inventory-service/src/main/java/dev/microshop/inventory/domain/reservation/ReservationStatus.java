package dev.microshop.inventory.domain.reservation;

/** Where an order's reservation stands. Only {@code RESERVED} holds stock; every other status is final. */
public enum ReservationStatus {
    /** Every line is set aside for the order. */
    RESERVED,
    /** Nothing was set aside: an item is unknown or there was not enough of it. */
    REJECTED,
    /** The order was confirmed: its reserved units are sold. */
    SOLD,
    /** The order was cancelled: its reserved units are available again. */
    RELEASED,
    /** The order was cancelled before any stock was reserved for it; a late request to reserve is ignored. */
    CANCELLED
}
