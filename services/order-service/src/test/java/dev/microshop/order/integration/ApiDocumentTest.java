package dev.microshop.order.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The OpenAPI document the gateway's Swagger UI shows for this service. */
@OrderServiceIntegrationTest
class ApiDocumentTest {

    @Autowired
    MockMvcTester http;

    @Test
    void anyone_reads_the_document_which_says_calls_go_through_the_gateway_with_a_bearer_token() {
        MvcTestResult document = http.get().uri("/v3/api-docs").exchange();

        assertThat(document).hasStatus(200);
        assertThat(document).bodyJson().extractingPath("$.info.title").isEqualTo("order-service");
        assertThat(document).bodyJson().extractingPath("$.servers[0].url").isEqualTo("/");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer");
        assertThat(document).bodyJson().extractingPath("$.security[0].bearer").isNotNull();
    }

    @Test
    void placing_an_order_documents_its_body_its_idempotency_key_and_its_problem_answers() {
        MvcTestResult document = http.get().uri("/v3/api-docs").exchange();

        assertThat(document)
                .bodyJson()
                .extractingPath("$.paths['/api/orders'].post.parameters[?(@.name == 'Idempotency-Key')].in")
                .asArray()
                .containsExactly("header");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.paths['/api/orders'].post.requestBody.content['application/json'].schema.$ref")
                .asString()
                .endsWith("PlaceOrderRequest");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.paths['/api/orders'].post.responses")
                .asMap()
                .containsKeys("201", "4XX", "5XX", "503");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.schemas.Problem.properties")
                .asMap()
                .containsKeys("title", "status", "detail", "traceId", "errors");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.schemas.PlaceOrderRequest.properties.paymentMethod.example")
                .isEqualTo("pm-ok");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.paths['/api/admin/orders'].get")
                .isNotNull();
    }
}
