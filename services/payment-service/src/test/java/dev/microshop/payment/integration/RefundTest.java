package dev.microshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.PaymentEvents;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** order.cancelled pays back what was charged, also when the provider is down at that moment. */
class RefundTest extends PaymentIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_charged_order_that_is_cancelled_is_refunded_in_full() {
        String orderId = Events.newOrderId();
        Events.paymentRequested(orderId, "user-1", "pm-ok");
        String paymentId = Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE)
                .get("paymentId")
                .asString();

        Events.orderCancelled(orderId, "user-1");

        JsonNode refunded = Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentRefunded.TYPE);
        assertThat(refunded.get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(refunded.get("amount").get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(ProviderAdmin.ledger(orderId).get("entries"))
                .extracting(entry -> entry.get("type").asString())
                .containsExactly("charge", "refund");
        assertThat(ProviderAdmin.netMinor(orderId)).isZero();
        assertThat(status(orderId)).isEqualTo("REFUNDED");
    }

    @Test
    void a_declined_order_that_is_cancelled_needs_no_refund() {
        String orderId = Events.newOrderId();
        Events.paymentRequested(orderId, "user-1", "pm-declined");
        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentFailed.TYPE);

        Events.orderCancelled(orderId, "user-1");

        assertThat(Events.paymentEventTypes(orderId, Duration.ofSeconds(3))).containsExactly("payment.failed");
        assertThat(status(orderId)).isEqualTo("DECLINED");
    }

    @Test
    void a_refund_the_provider_cannot_make_now_is_made_once_it_is_back() {
        String orderId = Events.newOrderId();
        Events.paymentRequested(orderId, "user-1", "pm-ok");
        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE);
        ProviderAdmin.setFaults("{\"failure_rate\":1.0}");

        Events.orderCancelled(orderId, "user-1");
        awaitStatus(orderId, "REFUND_PENDING");
        ProviderAdmin.resetFaults();

        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentRefunded.TYPE);
        assertThat(ProviderAdmin.netMinor(orderId)).isZero();
        assertThat(status(orderId)).isEqualTo("REFUNDED");
    }

    @Test
    void an_order_cancelled_before_any_payment_needs_nothing() {
        String orderId = Events.newOrderId();

        Events.orderCancelled(orderId, "user-1");

        assertThat(Events.paymentEventTypes(orderId, Duration.ofSeconds(3))).isEmpty();
        assertThat(ProviderAdmin.ledger(orderId).get("entries")).isEmpty();
    }

    private String status(String orderId) {
        return jdbc
                .sql("SELECT status FROM payments WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private void awaitStatus(String orderId, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!expected.equals(status(orderId))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("payment of " + orderId + " is " + status(orderId) + ", not " + expected);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
