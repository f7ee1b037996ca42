package dev.microshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.PaymentEvents;
import dev.microshop.testsupport.TestAccessTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** GET /api/payments/{orderId}: the shopper who ordered and administrators see it; nobody else learns it exists. */
class PaymentApiTest extends PaymentIntegrationTest {

    @Autowired
    MockMvcTester http;

    @Test
    void the_owner_and_an_admin_see_the_payment_others_get_404_and_anonymous_callers_401() {
        String orderId = Events.newOrderId();
        Events.paymentRequested(orderId, "owner-1", "pm-ok");
        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE);

        MvcTestResult owner = get(orderId, TestAccessTokens.forUser("owner-1", "CUSTOMER"));

        assertThat(owner).hasStatus(200);
        assertThat(owner).bodyJson().extractingPath("$.status").isEqualTo("COMPLETED");
        assertThat(owner).bodyJson().extractingPath("$.orderId").isEqualTo(orderId);
        assertThat(owner).bodyJson().extractingPath("$.amount.amount").isEqualTo("12.50");
        assertThat(owner).bodyJson().extractingPath("$.amount.currency").isEqualTo("EUR");
        assertThat(get(orderId, TestAccessTokens.forUser("admin-1", "CUSTOMER", "ADMIN")))
                .hasStatus(200);
        MvcTestResult stranger = get(orderId, TestAccessTokens.forUser("someone-else", "CUSTOMER"));
        assertThat(stranger).hasStatus(404);
        assertThat(stranger).bodyJson().extractingPath("$.traceId").isNotNull();
        assertThat(http.get().uri("/api/payments/" + orderId).exchange()).hasStatus(401);
    }

    private MvcTestResult get(String orderId, String token) {
        return http.get()
                .uri("/api/payments/" + orderId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }
}
