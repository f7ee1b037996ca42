package dev.microshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.PaymentEvents;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** order.payment-requested charges the real provider and answers with payment.completed or payment.failed. */
class ChargingTest extends PaymentIntegrationTest {

    @Test
    void pm_ok_is_charged_once_in_minor_units_and_completes() {
        String orderId = Events.newOrderId();

        Events.paymentRequested(orderId, "user-1", "pm-ok");

        JsonNode completed = Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE);
        assertThat(completed.get("orderId").asString()).isEqualTo(orderId);
        assertThat(completed.get("paymentId").asString()).isNotBlank();
        assertThat(completed.get("amount").get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(completed.get("amount").get("currency").asString()).isEqualTo("EUR");
        JsonNode ledger = ProviderAdmin.ledger(orderId);
        assertThat(ledger.get("entries")).hasSize(1);
        assertThat(ledger.get("entries").get(0).get("idempotency_key").asString())
                .isEqualTo(orderId);
        assertThat(ledger.get("entries").get(0).get("amount_minor").asLong()).isEqualTo(1250);
        assertThat(ProviderAdmin.netMinor(orderId)).isEqualTo(1250);
    }

    @Test
    void pm_declined_fails_with_a_reason_and_nothing_stands_charged() {
        String orderId = Events.newOrderId();

        Events.paymentRequested(orderId, "user-1", "pm-declined");

        JsonNode failed = Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentFailed.TYPE);
        assertThat(failed.get("reason").asString()).isEqualTo("payment declined by the card issuer");
        assertThat(ProviderAdmin.netMinor(orderId)).isZero();
    }

    @Test
    void pm_slow_answers_after_3_s_within_the_5_s_time_limit_and_completes() {
        String orderId = Events.newOrderId();
        long sent = System.nanoTime();

        Events.paymentRequested(orderId, "user-1", "pm-slow");

        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(ProviderAdmin.succeededCharges(orderId)).isEqualTo(1);
    }

    @Test
    void an_unknown_payment_method_fails_the_payment() {
        String orderId = Events.newOrderId();

        Events.paymentRequested(orderId, "user-1", "pm-monopoly-money");

        assertThat(Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentFailed.TYPE)
                        .get("reason")
                        .asString())
                .isEqualTo("payment method not accepted");
    }

    @Test
    void a_provider_slower_than_the_time_limit_counts_as_unavailable() {
        ProviderAdmin.setFaults("{\"extra_latency_ms\":5500}");
        String orderId = Events.newOrderId();

        Events.paymentRequested(orderId, "user-1", "pm-ok");

        assertThat(Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentFailed.TYPE)
                        .get("reason")
                        .asString())
                .isEqualTo("payment provider unavailable");
    }
}
