package dev.microshop.payment.infrastructure.persistence;

import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentId;
import dev.microshop.payment.domain.payment.PaymentRepository;
import dev.microshop.payment.domain.payment.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments in PostgreSQL, one row per order. */
@Repository
class JdbcPaymentRepository implements PaymentRepository {

    private static final String COLUMNS = """
            id, order_id, user_id, amount, currency, payment_method, status, provider_charge_id, failure_reason,
            provider_refund_id, charge_attempted_at, created_at, updated_at""";

    private final JdbcClient jdbc;

    JdbcPaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Payment payment) {
        jdbc.sql("INSERT INTO payments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        payment.id().value(),
                        payment.orderId().value(),
                        payment.userId(),
                        payment.amount().amount(),
                        payment.amount().currency(),
                        payment.paymentMethod(),
                        payment.status().name(),
                        payment.providerChargeId(),
                        payment.failureReason(),
                        payment.providerRefundId(),
                        timestamp(payment.chargeAttemptedAt()),
                        Timestamp.from(payment.createdAt()),
                        Timestamp.from(payment.updatedAt()))
                .update();
    }

    @Override
    public void update(Payment payment) {
        jdbc.sql("""
                UPDATE payments SET status = ?, provider_charge_id = ?, failure_reason = ?, provider_refund_id = ?,
                       charge_attempted_at = ?, updated_at = ?
                WHERE id = ?""")
                .params(
                        payment.status().name(),
                        payment.providerChargeId(),
                        payment.failureReason(),
                        payment.providerRefundId(),
                        timestamp(payment.chargeAttemptedAt()),
                        Timestamp.from(payment.updatedAt()),
                        payment.id().value())
                .update();
    }

    @Override
    public Optional<Payment> findByOrderId(OrderId orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ?")
                .param(orderId.value())
                .query(JdbcPaymentRepository::toPayment)
                .optional();
    }

    @Override
    public Optional<Payment> lockByOrderId(OrderId orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ? FOR UPDATE")
                .param(orderId.value())
                .query(JdbcPaymentRepository::toPayment)
                .optional();
    }

    @Override
    public List<Payment> findByOrderIds(Collection<OrderId> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ANY (?)")
                .param(orderIds.stream().map(OrderId::value).toArray(String[]::new))
                .query(JdbcPaymentRepository::toPayment)
                .list();
    }

    @Override
    public List<Payment> completedBetween(Instant from, Instant until) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE status = 'COMPLETED' AND created_at >= ? "
                        + "AND created_at < ?")
                .params(Timestamp.from(from), Timestamp.from(until))
                .query(JdbcPaymentRepository::toPayment)
                .list();
    }

    @Override
    public List<OrderId> withRefundDue(int limit) {
        return jdbc.sql("SELECT order_id FROM payments WHERE status = 'REFUND_PENDING' ORDER BY updated_at LIMIT ?")
                .param(limit)
                .query((row, n) -> new OrderId(row.getString("order_id")))
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Payment toPayment(ResultSet row, int rowNumber) throws SQLException {
        return new Payment(
                new PaymentId(row.getObject("id", UUID.class)),
                new OrderId(row.getString("order_id")),
                row.getString("user_id"),
                new Money(row.getBigDecimal("amount"), row.getString("currency")),
                row.getString("payment_method"),
                PaymentStatus.valueOf(row.getString("status")),
                row.getString("provider_charge_id"),
                row.getString("failure_reason"),
                row.getString("provider_refund_id"),
                instant(row.getTimestamp("charge_attempted_at")),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
