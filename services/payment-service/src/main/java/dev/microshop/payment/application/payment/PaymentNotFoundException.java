package dev.microshop.payment.application.payment;

import dev.microshop.payment.domain.payment.OrderId;

/** No payment the caller may see exists for the order. */
public class PaymentNotFoundException extends RuntimeException {

    public PaymentNotFoundException(OrderId orderId) {
        super("No payment for order " + orderId);
    }
}
