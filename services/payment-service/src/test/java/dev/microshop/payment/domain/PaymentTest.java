package dev.microshop.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.payment.domain.payment.InvalidPaymentException;
import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A payment's life: charged or not, and what a cancelled order does to it. */
class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Money AMOUNT = new Money(new BigDecimal("12.5"), "EUR");

    @Test
    void a_completed_payment_becomes_due_for_refund_when_its_order_is_cancelled_and_then_refunded() {
        Payment completed = Payment.completed(new OrderId("o-1"), "u-1", AMOUNT, "pm-ok", "ch_1", NOW);

        Payment due = completed.orderCancelled(NOW.plusSeconds(1));
        Payment refunded = due.refunded("re_1", NOW.plusSeconds(2));

        assertThat(due.status()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.providerRefundId()).isEqualTo("re_1");
        assertThat(refunded.providerChargeId()).isEqualTo("ch_1");
    }

    @Test
    void a_failed_payment_may_hide_a_charge_so_a_cancellation_makes_a_refund_due_too() {
        Payment failed = Payment.failed(new OrderId("o-2"), "u-1", AMOUNT, "pm-ok", "payment provider unavailable", NOW);

        Payment due = failed.orderCancelled(NOW);

        assertThat(due.refundDue()).isTrue();
        assertThat(due.voided(NOW).status()).isEqualTo(PaymentStatus.VOIDED);
    }

    @Test
    void a_declined_payment_has_nothing_to_refund() {
        Payment declined = Payment.declined(new OrderId("o-3"), "u-1", AMOUNT, "pm-declined", "declined", NOW);

        assertThat(declined.orderCancelled(NOW)).isSameAs(declined);
        assertThatThrownBy(() -> declined.refunded("re_1", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_second_cancellation_changes_nothing() {
        Payment refunded = Payment.completed(new OrderId("o-4"), "u-1", AMOUNT, "pm-ok", "ch_1", NOW)
                .orderCancelled(NOW).refunded("re_1", NOW);

        assertThat(refunded.orderCancelled(NOW.plusSeconds(5))).isSameAs(refunded);
    }

    @Test
    void money_is_positive_in_a_known_currency_with_its_decimals() {
        assertThat(AMOUNT.amount()).isEqualByComparingTo("12.50").hasScaleOf(2);
        assertThat(new Money(new BigDecimal("500"), "JPY").fractionDigits()).isZero();
        assertThatThrownBy(() -> new Money(BigDecimal.ZERO, "EUR")).isInstanceOf(InvalidPaymentException.class);
        assertThatThrownBy(() -> new Money(new BigDecimal("1.234"), "EUR")).isInstanceOf(InvalidPaymentException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, "eur")).isInstanceOf(InvalidPaymentException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, "XYZ")).isInstanceOf(InvalidPaymentException.class);
    }
}
