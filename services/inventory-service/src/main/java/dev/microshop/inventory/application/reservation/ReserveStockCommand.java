package dev.microshop.inventory.application.reservation;

import dev.microshop.inventory.domain.reservation.OrderId;
import dev.microshop.inventory.domain.reservation.ReservationLine;
import java.util.List;

/** A new order's items, to be reserved all together or not at all. */
public record ReserveStockCommand(OrderId orderId, List<ReservationLine> lines) {

    public ReserveStockCommand {
        lines = List.copyOf(lines);
    }
}
