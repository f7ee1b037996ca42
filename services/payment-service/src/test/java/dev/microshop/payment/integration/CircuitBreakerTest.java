package dev.microshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.PaymentEvents;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A provider that fails every call opens the circuit: payments then fail at once with "payment provider
 * unavailable" (their orders end cancelled) until the provider is back and the circuit closes again.
 */
class CircuitBreakerTest extends PaymentIntegrationTest {

    @Autowired
    MockMvcTester http;

    @Test
    void opens_at_a_100_percent_failure_rate_fails_payments_fast_and_closes_when_the_provider_is_back() {
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("payment-provider");
        ProviderAdmin.setFaults("{\"failure_rate\":1.0}");

        // Two payments, three attempts each: more than the five calls the breaker needs to judge.
        for (int n = 0; n < 2; n++) {
            String orderId = Events.newOrderId();
            Events.paymentRequested(orderId, "user-1", "pm-ok");
            assertThat(Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentFailed.TYPE)
                            .get("reason")
                            .asString())
                    .isEqualTo("payment provider unavailable");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(http.get().uri("/actuator/prometheus"))
                .bodyText()
                .contains(
                        "resilience4j_circuitbreaker_state{application=\"payment-service\",group=\"none\",name=\"payment-provider\",state=\"open\"} 1.0");

        ProviderAdmin.resetFaults();
        String whileOpen = Events.newOrderId();
        Events.paymentRequested(whileOpen, "user-1", "pm-ok");
        String reason = Events.awaitPaymentEvent(whileOpen, PaymentEvents.PaymentFailed.TYPE)
                .get("reason")
                .asString();
        assertThat(reason).isEqualTo("payment provider unavailable");
        assertThat(ProviderAdmin.ledger(whileOpen).get("entries")).isEmpty();
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isPositive();

        pause(2_500);
        for (int n = 0; n < 2; n++) {
            String orderId = Events.newOrderId();
            Events.paymentRequested(orderId, "user-1", "pm-ok");
            Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
