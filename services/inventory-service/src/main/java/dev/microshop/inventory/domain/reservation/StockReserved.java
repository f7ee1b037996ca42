package dev.microshop.inventory.domain.reservation;

import java.util.List;

/** Every item of the order is reserved. */
public record StockReserved(OrderId orderId, List<ReservationLine> lines) implements ReservationEvent {

    public StockReserved {
        lines = List.copyOf(lines);
    }
}
