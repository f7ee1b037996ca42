package dev.microshop.contracts.events;

/** Events on {@link Topics#PAYMENT_EVENTS}, keyed by order id; the CloudEvents {@code type} of each is its {@code TYPE}. */
public final class PaymentEvents {

    private PaymentEvents() {}

    /** The order's amount was charged; the order can be confirmed. */
    public record PaymentCompleted(String orderId, String paymentId, Money amount) {
        public static final String TYPE = "payment.completed";
    }

    /** Nothing was charged for the order (declined, or the payment provider is unavailable); the reason says which. */
    public record PaymentFailed(String orderId, String reason) {
        public static final String TYPE = "payment.failed";
    }

    /** The charge of a cancelled order was paid back in full. */
    public record PaymentRefunded(String orderId, String paymentId, Money amount) {
        public static final String TYPE = "payment.refunded";
    }
}
