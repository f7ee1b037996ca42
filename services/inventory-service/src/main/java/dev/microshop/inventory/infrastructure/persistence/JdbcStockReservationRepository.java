package dev.microshop.inventory.infrastructure.persistence;

import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.reservation.OrderId;
import dev.microshop.inventory.domain.reservation.ReservationLine;
import dev.microshop.inventory.domain.reservation.ReservationStatus;
import dev.microshop.inventory.domain.reservation.StockReservation;
import dev.microshop.inventory.domain.reservation.StockReservationRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reservations and their lines in PostgreSQL; the order id is the primary key, so an order never has two. */
@Repository
class JdbcStockReservationRepository implements StockReservationRepository {

    /** A reservation row without its lines. */
    private record Header(ReservationStatus status, String rejectionReason) {}

    private final JdbcClient jdbc;

    JdbcStockReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(StockReservation reservation) {
        jdbc.sql("""
                INSERT INTO stock_reservations (order_id, status, rejection_reason)
                VALUES (:orderId, :status, :rejectionReason)""")
                .param("orderId", reservation.orderId().value())
                .param("status", reservation.status().name())
                .param("rejectionReason", reservation.rejectionReason())
                .update();
        for (ReservationLine line : reservation.lines()) {
            jdbc.sql("""
                    INSERT INTO stock_reservation_lines (order_id, product_id, quantity)
                    VALUES (:orderId, :productId, :quantity)""")
                    .param("orderId", reservation.orderId().value())
                    .param("productId", line.productId().value())
                    .param("quantity", line.quantity())
                    .update();
        }
    }

    @Override
    public Optional<StockReservation> lock(OrderId orderId) {
        return jdbc.sql("SELECT status, rejection_reason FROM stock_reservations WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId.value())
                .query((row, rowNumber) -> new Header(
                        ReservationStatus.valueOf(row.getString("status")), row.getString("rejection_reason")))
                .optional()
                .map(header ->
                        new StockReservation(orderId, header.status(), lines(orderId), header.rejectionReason()));
    }

    @Override
    public void updateStatus(StockReservation reservation) {
        jdbc.sql("UPDATE stock_reservations SET status = :status, updated_at = now() WHERE order_id = :orderId")
                .param("status", reservation.status().name())
                .param("orderId", reservation.orderId().value())
                .update();
    }

    private List<ReservationLine> lines(OrderId orderId) {
        return jdbc
                .sql("SELECT product_id, quantity FROM stock_reservation_lines WHERE order_id = :orderId")
                .param("orderId", orderId.value())
                .query((row, rowNumber) -> new ReservationLine(
                        new ProductId(row.getObject("product_id", UUID.class)), row.getInt("quantity")))
                .list()
                .stream()
                .sorted(Comparator.comparing(ReservationLine::productId))
                .toList();
    }
}
