package dev.microshop.inventory.domain.reservation;

/** The cancelled order's reserved units are available again. */
public record StockReleased(OrderId orderId) implements ReservationEvent {}
