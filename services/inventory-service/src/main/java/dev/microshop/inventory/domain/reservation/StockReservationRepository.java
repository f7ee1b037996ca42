package dev.microshop.inventory.domain.reservation;

import java.util.Optional;

/** One reservation per order; the order id is its key. */
public interface StockReservationRepository {

    /** Stores a new reservation; fails if the order has one already (then the whole transaction is retried). */
    void add(StockReservation reservation);

    /** The order's reservation, locked until the current transaction ends. */
    Optional<StockReservation> lock(OrderId orderId);

    /** Stores the new status of a reservation read with {@link #lock}. */
    void updateStatus(StockReservation reservation);
}
