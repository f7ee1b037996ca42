package dev.microshop.inventory.domain.reservation;

/** What other services learn about an order's reservation. */
public sealed interface ReservationEvent permits StockReserved, StockRejected, StockReleased {

    OrderId orderId();
}
