package dev.microshop.inventory.application.reservation;

import dev.microshop.inventory.application.port.InventoryEventPublisher;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.reservation.ReservationLine;
import dev.microshop.inventory.domain.reservation.StockRejected;
import dev.microshop.inventory.domain.reservation.StockReservation;
import dev.microshop.inventory.domain.reservation.StockReservationRepository;
import dev.microshop.inventory.domain.reservation.StockReserved;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.inventory.domain.stock.StockRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves a new order's items, all or none, and announces the outcome. The products' stock rows are locked while
 * the decision is made and the counts move by conditional updates, so concurrent orders can never oversell; an
 * order that has a reservation already (a repeated request) gets that one back and nothing changes.
 */
@Service
public class ReserveStock {

    private final StockRepository stock;
    private final StockReservationRepository reservations;
    private final InventoryEventPublisher events;

    public ReserveStock(
            StockRepository stock, StockReservationRepository reservations, InventoryEventPublisher events) {
        this.stock = stock;
        this.reservations = reservations;
        this.events = events;
    }

    @Transactional
    public StockReservation reserve(ReserveStockCommand command) {
        Optional<StockReservation> decidedBefore = reservations.lock(command.orderId());
        if (decidedBefore.isPresent()) {
            return decidedBefore.get();
        }
        List<ProductId> productIds = command.lines().stream()
                .map(ReservationLine::productId)
                .distinct()
                .toList();
        Map<ProductId, StockLevel> levels = stock.lockAll(productIds);
        StockReservation reservation = StockReservation.place(command.orderId(), command.lines(), levels);
        if (reservation.holdsStock()) {
            reservation.lines().forEach(line -> stock.reserve(line.productId(), line.quantity()));
            events.publish(new StockReserved(reservation.orderId(), reservation.lines()));
        } else {
            events.publish(new StockRejected(reservation.orderId(), reservation.rejectionReason()));
        }
        reservations.add(reservation);
        return reservation;
    }
}
