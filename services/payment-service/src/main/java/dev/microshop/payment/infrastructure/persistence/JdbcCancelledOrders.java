package dev.microshop.payment.infrastructure.persistence;

import dev.microshop.payment.domain.payment.CancelledOrders;
import dev.microshop.payment.domain.payment.OrderId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cancelled orders in PostgreSQL, one row each. */
@Repository
class JdbcCancelledOrders implements CancelledOrders {

    private final JdbcClient jdbc;

    JdbcCancelledOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(OrderId orderId, Instant cancelledAt) {
        jdbc.sql("INSERT INTO cancelled_orders (order_id, cancelled_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(orderId.value(), Timestamp.from(cancelledAt))
                .update();
    }

    @Override
    public boolean contains(OrderId orderId) {
        return jdbc.sql("SELECT count(*) FROM cancelled_orders WHERE order_id = ?")
                        .param(orderId.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Override
    public Set<OrderId> amongst(Collection<OrderId> orderIds) {
        if (orderIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT order_id FROM cancelled_orders WHERE order_id = ANY (?)")
                .param(orderIds.stream().map(OrderId::value).toArray(String[]::new))
                .query((row, n) -> new OrderId(row.getString("order_id")))
                .list());
    }
}
