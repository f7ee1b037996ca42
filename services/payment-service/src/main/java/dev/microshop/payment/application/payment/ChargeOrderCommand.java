package dev.microshop.payment.application.payment;

import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;
import java.time.Instant;

/**
 * The order service asks for an order to be paid.
 *
 * @param payBefore when the order is cancelled if still unpaid (null: no deadline)
 */
public record ChargeOrderCommand(
        OrderId orderId, String userId, Money amount, String paymentMethod, Instant payBefore) {

    boolean mayBeChargedAt(Instant now) {
        return payBefore == null || now.isBefore(payBefore);
    }
}
