package dev.microshop.payment.application.payment;

import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;

/** The order service asks for an order to be paid. */
public record ChargeOrderCommand(OrderId orderId, String userId, Money amount, String paymentMethod) {
}
