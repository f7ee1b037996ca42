package dev.microshop.inventory.application.reservation;

import dev.microshop.inventory.application.port.InventoryEventPublisher;
import dev.microshop.inventory.domain.reservation.OrderId;
import dev.microshop.inventory.domain.reservation.StockReleased;
import dev.microshop.inventory.domain.reservation.StockReservation;
import dev.microshop.inventory.domain.reservation.StockReservationRepository;
import dev.microshop.inventory.domain.stock.StockRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cancelled order gives its reserved units back and says so. An order that holds no stock changes nothing; one
 * that has no reservation yet is marked cancelled, so a request to reserve that arrives late reserves nothing.
 */
@Service
public class ReleaseReservation {

    private final StockRepository stock;
    private final StockReservationRepository reservations;
    private final InventoryEventPublisher events;

    public ReleaseReservation(
            StockRepository stock, StockReservationRepository reservations, InventoryEventPublisher events) {
        this.stock = stock;
        this.reservations = reservations;
        this.events = events;
    }

    /** The order's reservation as it is afterwards. */
    @Transactional
    public StockReservation release(OrderId orderId) {
        Optional<StockReservation> current = reservations.lock(orderId);
        if (current.isEmpty()) {
            StockReservation cancelled = StockReservation.cancelledBeforePlacing(orderId);
            reservations.add(cancelled);
            return cancelled;
        }
        StockReservation reservation = current.get();
        if (!reservation.holdsStock()) {
            return reservation;
        }
        reservation.lines().forEach(line -> stock.release(line.productId(), line.quantity()));
        StockReservation released = reservation.release();
        reservations.updateStatus(released);
        events.publish(new StockReleased(orderId));
        return released;
    }
}
