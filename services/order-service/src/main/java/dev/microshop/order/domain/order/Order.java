package dev.microshop.order.domain.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An order and its state machine: PENDING -> RESERVED -> CONFIRMED -> SHIPPED, or CANCELLED (with a reason)
 * before it is confirmed. Items and total never change after placement; a shipped order never changes again.
 * Each change records the event that tells other services about it ({@link #pullEvents()}).
 */
public final class Order {

    public static final int MAX_LINES = 50;
    private static final int MAX_REASON_LENGTH = 500;

    private final OrderId id;
    private final UserId userId;
    private final List<OrderLine> lines;
    private final Money total;
    private final PaymentMethod paymentMethod;
    private final IdempotencyKey idempotencyKey;
    private final RequestFingerprint requestFingerprint;
    private final Instant placedAt;
    private OrderStatus status;
    private CancellationCause cancellationCause;
    private String cancellationReason;
    private Instant updatedAt;
    private final List<OrderEvent> events = new ArrayList<>();

    private Order(
            OrderId id,
            UserId userId,
            List<OrderLine> lines,
            PaymentMethod paymentMethod,
            IdempotencyKey idempotencyKey,
            RequestFingerprint requestFingerprint,
            Instant placedAt,
            OrderStatus status,
            CancellationCause cancellationCause,
            String cancellationReason,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.paymentMethod = Objects.requireNonNull(paymentMethod, "paymentMethod");
        this.placedAt = Objects.requireNonNull(placedAt, "placedAt");
        this.status = Objects.requireNonNull(status, "status");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if ((idempotencyKey == null) != (requestFingerprint == null)) {
            throw new IllegalArgumentException("an idempotency key is stored with the fingerprint of its request");
        }
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.cancellationCause = cancellationCause;
        this.cancellationReason = cancellationReason;
        if (lines.isEmpty()) {
            throw new InvalidOrderException("An order needs at least one item");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidOrderException("An order has at most " + MAX_LINES + " different products");
        }
        this.lines = List.copyOf(lines);
        this.total = lines.stream()
                .map(OrderLine::total)
                .reduce(Money.zero(lines.getFirst().unitPrice().currency()), Money::plus);
    }

    /**
     * A new PENDING order; several lines of the same product become one line with their quantities added up. With an
     * idempotency key, the order keeps the fingerprint of what was asked for, so the key replays only that.
     */
    public static Order place(
            OrderId id,
            UserId userId,
            List<OrderLine> lines,
            PaymentMethod paymentMethod,
            IdempotencyKey idempotencyKey,
            Instant now) {
        List<OrderLine> merged = mergeLinesOfTheSameProduct(lines);
        RequestFingerprint fingerprint = idempotencyKey == null
                ? null
                : RequestFingerprint.of(
                        merged.stream().collect(Collectors.toMap(OrderLine::productId, OrderLine::quantity)),
                        paymentMethod);
        Order order = new Order(
                id,
                userId,
                merged,
                paymentMethod,
                idempotencyKey,
                fingerprint,
                now,
                OrderStatus.PENDING,
                null,
                null,
                now);
        order.events.add(new OrderEvent.OrderPlaced(id, userId, order.lines, order.total, now));
        return order;
    }

    /** An order as it was stored: no events. */
    public static Order restore(
            OrderId id,
            UserId userId,
            List<OrderLine> lines,
            PaymentMethod paymentMethod,
            IdempotencyKey idempotencyKey,
            RequestFingerprint requestFingerprint,
            Instant placedAt,
            OrderStatus status,
            CancellationCause cancellationCause,
            String cancellationReason,
            Instant updatedAt) {
        return new Order(
                id,
                userId,
                lines,
                paymentMethod,
                idempotencyKey,
                requestFingerprint,
                placedAt,
                status,
                cancellationCause,
                cancellationReason,
                updatedAt);
    }

    /**
     * Inventory set the items aside: the shopper is charged next, but only within {@code deadline} of the order's
     * placement, when an unpaid order is cancelled.
     */
    public void markReserved(Instant now, Duration deadline) {
        requireStatus(OrderStatus.PENDING, "marked as reserved");
        changeTo(OrderStatus.RESERVED, now);
        events.add(new OrderEvent.PaymentRequested(id, userId, total, paymentMethod, placedAt.plus(deadline)));
    }

    /** Payment went through: the order is final. */
    public void confirm(Instant now) {
        requireStatus(OrderStatus.RESERVED, "confirmed");
        changeTo(OrderStatus.CONFIRMED, now);
        events.add(new OrderEvent.OrderConfirmed(id, userId, total));
    }

    /**
     * Gives up on the order before it is confirmed; stock and payment are given back by the other services.
     * Cancelling a cancelled order changes nothing (the first reason stays).
     */
    public void cancel(CancellationCause cause, String reason, Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return;
        }
        if (!status.isInProgress()) {
            throw new OrderStateException(id, status, "cancelled");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a cancellation has a reason");
        }
        cancellationCause = Objects.requireNonNull(cause, "cause");
        cancellationReason = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        changeTo(OrderStatus.CANCELLED, now);
        events.add(new OrderEvent.OrderCancelled(id, userId, cancellationReason));
    }

    /** The goods left the warehouse; nothing about the order can change from now on. */
    public void ship(Instant now) {
        requireStatus(OrderStatus.CONFIRMED, "shipped");
        changeTo(OrderStatus.SHIPPED, now);
        events.add(new OrderEvent.OrderShipped(id, userId, now));
    }

    /** Whether a request with this fingerprint asked for exactly what placed this order (one without a key: never). */
    public boolean wasRequestedAs(RequestFingerprint fingerprint) {
        return fingerprint.equals(requestFingerprint);
    }

    public boolean isOwnedBy(UserId user) {
        return userId.equals(user);
    }

    /** How long the place-order saga took, once it ended (CONFIRMED or CANCELLED). */
    public Optional<Duration> sagaDuration() {
        return status == OrderStatus.CONFIRMED || status == OrderStatus.CANCELLED
                ? Optional.of(Duration.between(placedAt, updatedAt))
                : Optional.empty();
    }

    /** The events of the changes since the order was placed or loaded, each handed out once. */
    public List<OrderEvent> pullEvents() {
        List<OrderEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void requireStatus(OrderStatus required, String change) {
        if (status != required) {
            throw new OrderStateException(id, status, change);
        }
    }

    private void changeTo(OrderStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    private static List<OrderLine> mergeLinesOfTheSameProduct(List<OrderLine> lines) {
        Map<ProductId, OrderLine> merged = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            merged.merge(line.productId(), line, (first, more) -> {
                if (!first.unitPrice().equals(more.unitPrice())) {
                    throw new InvalidOrderException("Product " + line.productId() + " has two different prices");
                }
                return new OrderLine(first.productId(), first.quantity() + more.quantity(), first.unitPrice());
            });
        }
        return List.copyOf(merged.values());
    }

    public OrderId id() {
        return id;
    }

    public UserId userId() {
        return userId;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Money total() {
        return total;
    }

    public PaymentMethod paymentMethod() {
        return paymentMethod;
    }

    public Optional<IdempotencyKey> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public Optional<RequestFingerprint> requestFingerprint() {
        return Optional.ofNullable(requestFingerprint);
    }

    public Instant placedAt() {
        return placedAt;
    }

    public OrderStatus status() {
        return status;
    }

    /** Empty unless cancelled (and for orders cancelled before causes were recorded). */
    public Optional<CancellationCause> cancellationCause() {
        return Optional.ofNullable(cancellationCause);
    }

    public Optional<String> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
