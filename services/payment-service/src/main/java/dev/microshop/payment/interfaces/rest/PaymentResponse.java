package dev.microshop.payment.interfaces.rest;

import dev.microshop.payment.domain.payment.Payment;
import java.math.BigDecimal;
import java.time.Instant;

/** A payment as the API shows it; money as {@code {"amount":"12.50","currency":"EUR"}}. */
record PaymentResponse(
        String id,
        String orderId,
        String status,
        MoneyResponse amount,
        String paymentMethod,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    record MoneyResponse(String amount, String currency) {

        static MoneyResponse of(BigDecimal amount, String currency) {
            return new MoneyResponse(amount.toPlainString(), currency);
        }
    }

    static PaymentResponse of(Payment payment) {
        return new PaymentResponse(
                payment.id().toString(),
                payment.orderId().value(),
                payment.status().name(),
                MoneyResponse.of(payment.amount().amount(), payment.amount().currency()),
                payment.paymentMethod(),
                payment.failureReason(),
                payment.createdAt(),
                payment.updatedAt());
    }
}
