package dev.microshop.payment.domain.payment;

/** What other services learn about payments. */
public sealed interface PaymentEvent {

    OrderId orderId();

    /** The order's amount was charged. */
    record Completed(Payment payment) implements PaymentEvent {
        @Override
        public OrderId orderId() {
            return payment.orderId();
        }
    }

    /** Nothing stands charged for the order; {@code reason} says why. */
    record Failed(OrderId orderId, String reason) implements PaymentEvent {}

    /** The order's charge was paid back. */
    record Refunded(Payment payment) implements PaymentEvent {
        @Override
        public OrderId orderId() {
            return payment.orderId();
        }
    }
}
