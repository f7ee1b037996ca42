package dev.microshop.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.payment.domain.payment.InvalidPaymentException;
import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A payment's life: charged or not, and what a cancelled order does to it. */
class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Money AMOUNT = new Money(new BigDecimal("12.5"), "EUR");

    @Test
    void a_charge_is_recorded_as_an_intent_before_the_provider_is_asked_and_then_holds_its_outcome() {
        Payment intent = charging("o-0");

        assertThat(intent.status()).isEqualTo(PaymentStatus.CHARGING);
        assertThat(intent.chargeAttemptedAt()).isEqualTo(NOW);
        assertThat(intent.completed("ch_1", NOW.plusSeconds(1)).providerChargeId())
                .isEqualTo("ch_1");
        assertThat(intent.declined("declined", NOW).status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(intent.failed("no answer", NOW).status()).isEqualTo(PaymentStatus.FAILED);
        assertThatThrownBy(() -> intent.completed("ch_1", NOW).completed("ch_2", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_completed_payment_becomes_due_for_refund_when_its_order_is_cancelled_and_then_refunded() {
        Payment completed = charging("o-1").completed("ch_1", NOW);

        Payment due = completed.orderCancelled(NOW.plusSeconds(1));
        Payment refunded = due.refunded("re_1", NOW.plusSeconds(2));

        assertThat(due.status()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.providerRefundId()).isEqualTo("re_1");
        assertThat(refunded.providerChargeId()).isEqualTo("ch_1");
    }

    @Test
    void an_unanswered_charge_may_still_appear_so_finding_none_settles_it_only_after_the_settle_window() {
        Payment due =
                charging("o-2").failed("payment provider unavailable", NOW).orderCancelled(NOW);
        Duration window = Duration.ofSeconds(30);

        assertThat(due.refundDue()).isTrue();
        assertThat(due.chargeMayStillAppear(NOW.plusSeconds(29), window)).isTrue();
        assertThat(due.chargeMayStillAppear(NOW.plusSeconds(30), window)).isFalse();
        assertThat(due.voided(NOW.plusSeconds(30)).status()).isEqualTo(PaymentStatus.VOIDED);
    }

    @Test
    void an_order_cancelled_while_its_charge_was_uncertain_is_due_for_refund() {
        assertThat(charging("o-5").orderCancelled(NOW).refundDue()).isTrue();
    }

    @Test
    void a_payment_too_late_was_never_asked_for_so_nothing_can_appear() {
        Payment tooLate = Payment.tooLate(new OrderId("o-6"), "u-1", AMOUNT, "pm-ok", NOW);

        assertThat(tooLate.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(tooLate.chargeAttemptedAt()).isNull();
        assertThat(tooLate.chargeMayStillAppear(NOW, Duration.ofHours(1))).isFalse();
        assertThat(tooLate.orderCancelled(NOW)).isSameAs(tooLate);
    }

    @Test
    void a_declined_payment_has_nothing_to_refund_unless_the_provider_is_found_holding_a_charge() {
        Payment declined = charging("o-3").declined("declined", NOW);

        assertThat(declined.orderCancelled(NOW)).isSameAs(declined);
        assertThatThrownBy(() -> declined.refunded("re_1", NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(declined.chargeFoundStanding(NOW).refundDue()).isTrue();
    }

    @Test
    void a_second_cancellation_changes_nothing_but_a_charge_found_standing_reopens_the_refund() {
        Payment refunded =
                charging("o-4").completed("ch_1", NOW).orderCancelled(NOW).refunded("re_1", NOW);

        assertThat(refunded.orderCancelled(NOW.plusSeconds(5))).isSameAs(refunded);
        assertThat(refunded.chargeFoundStanding(NOW.plusSeconds(5)).status()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(charging("o-7").chargeFoundStanding(NOW).status()).isEqualTo(PaymentStatus.CHARGING);
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

    private static Payment charging(String orderId) {
        return Payment.charging(new OrderId(orderId), "u-1", AMOUNT, "pm-ok", NOW);
    }
}
