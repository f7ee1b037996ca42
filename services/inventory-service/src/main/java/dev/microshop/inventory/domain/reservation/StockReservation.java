package dev.microshop.inventory.domain.reservation;

import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.stock.StockLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The stock set aside for one order: all of its items or none. There is one per order, whatever happens, so a
 * repeated request to reserve for the same order never reserves twice.
 */
public record StockReservation(
        OrderId orderId, ReservationStatus status, List<ReservationLine> lines, String rejectionReason) {

    public StockReservation {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        if ((status == ReservationStatus.REJECTED) != (rejectionReason != null)) {
            throw new IllegalArgumentException("a rejection, and only a rejection, has a reason");
        }
    }

    /**
     * Decides an order's reservation from the current stock: RESERVED if every product exists and has enough units
     * available for the order's total quantity of it, otherwise REJECTED with every reason at once.
     * The lines are merged per product and sorted by product id.
     */
    public static StockReservation place(
            OrderId orderId, List<ReservationLine> requested, Map<ProductId, StockLevel> stock) {
        List<ReservationLine> lines = mergedByProduct(requested);
        if (lines.isEmpty()) {
            return rejected(orderId, lines, "The order has no items");
        }
        List<String> problems = new ArrayList<>();
        for (ReservationLine line : lines) {
            StockLevel level = stock.get(line.productId());
            if (level == null) {
                problems.add("Product " + line.productId() + " does not exist");
            } else if (!level.covers(line.quantity())) {
                problems.add("Not enough stock of product " + line.productId() + ": " + line.quantity() + " requested, "
                        + level.available() + " available");
            }
        }
        return problems.isEmpty()
                ? new StockReservation(orderId, ReservationStatus.RESERVED, lines, null)
                : rejected(orderId, lines, String.join("; ", problems));
    }

    /** The order was cancelled before its reservation was placed: remember it, so nothing is reserved later. */
    public static StockReservation cancelledBeforePlacing(OrderId orderId) {
        return new StockReservation(orderId, ReservationStatus.CANCELLED, List.of(), null);
    }

    /** Whether this reservation keeps stock from being sold to others. */
    public boolean holdsStock() {
        return status == ReservationStatus.RESERVED;
    }

    /** The order was confirmed: the reserved units are sold. */
    public StockReservation sell() {
        requireHeld("sell");
        return new StockReservation(orderId, ReservationStatus.SOLD, lines, null);
    }

    /** The order was cancelled: the reserved units go back to the available stock. */
    public StockReservation release() {
        requireHeld("release");
        return new StockReservation(orderId, ReservationStatus.RELEASED, lines, null);
    }

    private void requireHeld(String action) {
        if (!holdsStock()) {
            throw new IllegalStateException(
                    "Cannot " + action + " the reservation of order " + orderId + ": it is " + status);
        }
    }

    private static StockReservation rejected(OrderId orderId, List<ReservationLine> lines, String reason) {
        return new StockReservation(orderId, ReservationStatus.REJECTED, lines, reason);
    }

    private static List<ReservationLine> mergedByProduct(List<ReservationLine> requested) {
        Map<ProductId, Integer> quantities = new TreeMap<>();
        for (ReservationLine line : requested) {
            quantities.merge(line.productId(), line.quantity(), Math::addExact);
        }
        return quantities.entrySet().stream()
                .map(entry -> new ReservationLine(entry.getKey(), entry.getValue()))
                .toList();
    }
}
