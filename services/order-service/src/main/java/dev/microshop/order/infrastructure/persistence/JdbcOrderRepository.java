package dev.microshop.order.infrastructure.persistence;

import dev.microshop.order.domain.Page;
import dev.microshop.order.domain.PageRequest;
import dev.microshop.order.domain.order.CancellationCause;
import dev.microshop.order.domain.order.DuplicateOrderRequestException;
import dev.microshop.order.domain.order.IdempotencyKey;
import dev.microshop.order.domain.order.Money;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.order.domain.order.OrderLine;
import dev.microshop.order.domain.order.OrderRepository;
import dev.microshop.order.domain.order.OrderStatus;
import dev.microshop.order.domain.order.PaymentMethod;
import dev.microshop.order.domain.order.ProductId;
import dev.microshop.order.domain.order.RequestFingerprint;
import dev.microshop.order.domain.order.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders in PostgreSQL, written with plain SQL: the row locks ({@code FOR UPDATE}, {@code SKIP LOCKED}) and the
 * unique idempotency key are the point, so they are spelled out.
 */
@Repository
class JdbcOrderRepository implements OrderRepository {

    private static final String ORDER_COLUMNS = """
            SELECT id, user_id, status, payment_method, cancellation_cause, cancellation_reason, idempotency_key, request_fingerprint,
                   placed_at, updated_at
            FROM orders""";

    private final JdbcClient jdbc;

    JdbcOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Order order) {
        try {
            jdbc.sql("""
                    INSERT INTO orders (id, user_id, status, total_amount, currency, payment_method, cancellation_cause, cancellation_reason,
                                        idempotency_key, request_fingerprint, placed_at, updated_at)
                    VALUES (:id, :userId, :status, :totalAmount, :currency, :paymentMethod, :cancellationCause, :cancellationReason,
                            :idempotencyKey, :requestFingerprint, :placedAt, :updatedAt)""")
                    .param("id", order.id().value())
                    .param("userId", order.userId().value())
                    .param("status", order.status().name())
                    .param("totalAmount", order.total().amount())
                    .param("currency", order.total().currency())
                    .param("paymentMethod", order.paymentMethod().value())
                    .param(
                            "cancellationCause",
                            order.cancellationCause().map(Enum::name).orElse(null))
                    .param(
                            "cancellationCause",
                            order.cancellationCause().map(Enum::name).orElse(null))
                    .param("cancellationReason", order.cancellationReason().orElse(null))
                    .param(
                            "idempotencyKey",
                            order.idempotencyKey().map(IdempotencyKey::value).orElse(null))
                    .param(
                            "requestFingerprint",
                            order.requestFingerprint()
                                    .map(RequestFingerprint::value)
                                    .orElse(null))
                    .param("placedAt", timestamp(order.placedAt()))
                    .param("updatedAt", timestamp(order.updatedAt()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw order.idempotencyKey()
                    .map(DuplicateOrderRequestException::new)
                    .orElseThrow(() -> taken);
        }
        List<OrderLine> lines = order.lines();
        for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
            OrderLine line = lines.get(lineNo);
            jdbc.sql("""
                    INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price, currency)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(
                            order.id().value(),
                            lineNo,
                            line.productId().value(),
                            line.quantity(),
                            line.unitPrice().amount(),
                            line.unitPrice().currency())
                    .update();
        }
    }

    @Override
    public void update(Order order) {
        int updated = jdbc.sql("""
                UPDATE orders SET status = :status, cancellation_cause = :cancellationCause, cancellation_reason = :cancellationReason, updated_at = :updatedAt
                WHERE id = :id""")
                .param("status", order.status().name())
                .param(
                        "cancellationCause",
                        order.cancellationCause().map(Enum::name).orElse(null))
                .param("cancellationReason", order.cancellationReason().orElse(null))
                .param("updatedAt", timestamp(order.updatedAt()))
                .param("id", order.id().value())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Order " + order.id() + " was not stored before");
        }
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return one(ORDER_COLUMNS + " WHERE id = ?", id.value());
    }

    @Override
    public Optional<Order> lockById(OrderId id) {
        return one(ORDER_COLUMNS + " WHERE id = ? FOR UPDATE", id.value());
    }

    @Override
    public Optional<Order> findByIdempotencyKey(UserId userId, IdempotencyKey key) {
        return one(ORDER_COLUMNS + " WHERE user_id = ? AND idempotency_key = ?", userId.value(), key.value());
    }

    @Override
    public Page<Order> findByUser(UserId userId, PageRequest request) {
        long total = jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?")
                .param(userId.value())
                .query(Long.class)
                .single();
        List<Order> orders =
                withLines(jdbc.sql(ORDER_COLUMNS + " WHERE user_id = ? ORDER BY placed_at DESC, id LIMIT ? OFFSET ?")
                        .params(userId.value(), request.size(), request.offset())
                        .query(JdbcOrderRepository::orderRow)
                        .list());
        return new Page<>(orders, request, total);
    }

    @Override
    public Page<Order> findByStatus(Set<OrderStatus> statuses, PageRequest request) {
        List<String> names = (statuses.isEmpty() ? EnumSet.allOf(OrderStatus.class) : statuses)
                .stream().map(OrderStatus::name).toList();
        long total = jdbc.sql("SELECT count(*) FROM orders WHERE status IN (:statuses)")
                .param("statuses", names)
                .query(Long.class)
                .single();
        List<Order> orders = withLines(jdbc.sql(ORDER_COLUMNS
                        + " WHERE status IN (:statuses) ORDER BY placed_at DESC, id LIMIT :limit OFFSET :offset")
                .param("statuses", names)
                .param("limit", request.size())
                .param("offset", request.offset())
                .query(JdbcOrderRepository::orderRow)
                .list());
        return new Page<>(orders, request, total);
    }

    @Override
    public List<Order> lockOverdue(Instant placedBefore, int limit) {
        return withLines(jdbc.sql(ORDER_COLUMNS + " WHERE status IN ('PENDING', 'RESERVED') AND placed_at < ?"
                        + " ORDER BY placed_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(timestamp(placedBefore), limit)
                .query(JdbcOrderRepository::orderRow)
                .list());
    }

    /** Walks the partial index {@code orders_in_progress_idx} from its oldest entry: n entries, whatever the backlog. */
    @Override
    public Optional<Instant> placedAtOfNthOldestInProgress(int n) {
        return jdbc.sql("SELECT placed_at FROM orders WHERE status IN ('PENDING', 'RESERVED')"
                        + " ORDER BY placed_at OFFSET ? LIMIT 1")
                .param(n - 1)
                .query((rs, rowNum) ->
                        rs.getObject("placed_at", OffsetDateTime.class).toInstant())
                .optional();
    }

    private Optional<Order> one(String sql, Object... params) {
        return withLines(jdbc.sql(sql)
                        .params(params)
                        .query(JdbcOrderRepository::orderRow)
                        .list())
                .stream()
                .findFirst();
    }

    /** Loads the items of all the given orders with one query. */
    private List<Order> withLines(List<OrderRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderLine>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT order_id, product_id, quantity, unit_price, currency FROM order_items
                WHERE order_id IN (:ids) ORDER BY order_id, line_no""").param("ids", rows.stream().map(OrderRow::id).toList()).query(rs -> {
            lines.computeIfAbsent(rs.getObject("order_id", UUID.class), id -> new ArrayList<>())
                    .add(new OrderLine(
                            new ProductId(rs.getObject("product_id", UUID.class)),
                            rs.getInt("quantity"),
                            new Money(rs.getBigDecimal("unit_price"), rs.getString("currency"))));
        });
        return rows.stream()
                .map(row -> row.toOrder(lines.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private static OrderRow orderRow(ResultSet rs, int rowNum) throws SQLException {
        return new OrderRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("status"),
                rs.getString("payment_method"),
                rs.getString("cancellation_cause"),
                rs.getString("cancellation_reason"),
                rs.getString("idempotency_key"),
                rs.getString("request_fingerprint"),
                rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A row of {@code orders}, waiting for its items. */
    private record OrderRow(
            UUID id,
            UUID userId,
            String status,
            String paymentMethod,
            String cancellationCause,
            String cancellationReason,
            String idempotencyKey,
            String requestFingerprint,
            Instant placedAt,
            Instant updatedAt) {

        Order toOrder(List<OrderLine> lines) {
            return Order.restore(
                    new OrderId(id),
                    new UserId(userId),
                    lines,
                    new PaymentMethod(paymentMethod),
                    idempotencyKey == null ? null : new IdempotencyKey(idempotencyKey),
                    requestFingerprint == null ? null : new RequestFingerprint(requestFingerprint),
                    placedAt,
                    OrderStatus.valueOf(status),
                    cancellationCause == null ? null : CancellationCause.valueOf(cancellationCause),
                    cancellationReason,
                    updatedAt);
        }
    }
}
