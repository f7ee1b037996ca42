package dev.microshop.inventory.application.reservation;

import dev.microshop.inventory.domain.reservation.OrderId;
import dev.microshop.inventory.domain.reservation.StockReservation;
import dev.microshop.inventory.domain.reservation.StockReservationRepository;
import dev.microshop.inventory.domain.stock.StockRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A confirmed order's reserved units become sold. An order that holds no stock (any more) changes nothing. */
@Service
public class SellReservedStock {

    private final StockRepository stock;
    private final StockReservationRepository reservations;

    public SellReservedStock(StockRepository stock, StockReservationRepository reservations) {
        this.stock = stock;
        this.reservations = reservations;
    }

    /** The sold reservation, or empty if the order held no stock. */
    @Transactional
    public Optional<StockReservation> sell(OrderId orderId) {
        return reservations.lock(orderId).filter(StockReservation::holdsStock).map(reservation -> {
            reservation.lines().forEach(line -> stock.sell(line.productId(), line.quantity()));
            StockReservation sold = reservation.sell();
            reservations.updateStatus(sold);
            return sold;
        });
    }
}
