package dev.microshop.order.domain.order;

import java.time.Instant;
import java.util.List;

/** What happened to an order, for the other services (published through the outbox). */
public sealed interface OrderEvent {

    OrderId orderId();

    UserId userId();

    /** A shopper placed the order; stock is reserved next. */
    record OrderPlaced(OrderId orderId, UserId userId, List<OrderLine> lines, Money total, Instant placedAt)
            implements OrderEvent {}

    /** The stock is reserved; the shopper is charged next, if before {@code payBefore} (the order is cancelled then). */
    record PaymentRequested(
            OrderId orderId, UserId userId, Money amount, PaymentMethod paymentMethod, Instant payBefore)
            implements OrderEvent {}

    /** Paid: the order is final. */
    record OrderConfirmed(OrderId orderId, UserId userId, Money total) implements OrderEvent {}

    /** The confirmed order left the warehouse. */
    record OrderShipped(OrderId orderId, UserId userId, Instant shippedAt) implements OrderEvent {}

    /** The order will not be fulfilled; a reservation is released and a charge refunded. */
    record OrderCancelled(OrderId orderId, UserId userId, String reason) implements OrderEvent {}
}
