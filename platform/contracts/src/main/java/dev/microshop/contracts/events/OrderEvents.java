package dev.microshop.contracts.events;

import java.time.Instant;
import java.util.List;

/** Events on {@link Topics#ORDER_EVENTS}, keyed by order id; the CloudEvents {@code type} of each is its {@code TYPE}. */
public final class OrderEvents {

    private OrderEvents() {}

    /** A shopper placed an order; inventory reserves its items next. */
    public record OrderCreated(String orderId, String userId, List<OrderedItem> items, Money total, Instant createdAt) {
        public static final String TYPE = "order.created";
    }

    /** One line of an order, priced when the order was placed. */
    public record OrderedItem(String productId, int quantity, Money unitPrice) {}

    /**
     * The order's items are reserved; payment charges the shopper next, but only before {@code payBefore}: the
     * order is cancelled then, and a charge made later would only have to be paid back (null: no deadline).
     */
    public record OrderPaymentRequested(
            String orderId, String userId, Money amount, String paymentMethod, Instant payBefore) {
        public static final String TYPE = "order.payment-requested";
    }

    /** The order is paid and final. */
    public record OrderConfirmed(String orderId, String userId, Money total) {
        public static final String TYPE = "order.confirmed";
    }

    /** The confirmed order left the warehouse; it never changes again. */
    public record OrderShipped(String orderId, String userId, Instant shippedAt) {
        public static final String TYPE = "order.shipped";
    }

    /** The order will not be fulfilled: inventory releases its reservation and payment refunds a charge. */
    public record OrderCancelled(String orderId, String userId, String reason) {
        public static final String TYPE = "order.cancelled";
    }
}
