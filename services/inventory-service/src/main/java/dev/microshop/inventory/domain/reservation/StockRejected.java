package dev.microshop.inventory.domain.reservation;

/** Nothing was reserved for the order, for the given reason. */
public record StockRejected(OrderId orderId, String reason) implements ReservationEvent {}
