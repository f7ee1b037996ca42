package dev.microshop.order.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.microshop.testsupport.TestAccessTokens;
import java.io.UnsupportedEncodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The HTTP calls the tests make again and again, as a client would make them. */
final class Api {

    /** A signed-in shopper that user-service knows. */
    record Shopper(String userId, String token) {}

    private final MockMvcTester http;

    Api(MockMvcTester http) {
        this.http = http;
    }

    static Shopper newShopper() {
        String userId = FakeRemoteServices.INSTANCE.users.register();
        return new Shopper(userId, TestAccessTokens.forUser(userId, "CUSTOMER"));
    }

    static Shopper newAdmin() {
        String userId = FakeRemoteServices.INSTANCE.users.register();
        return new Shopper(userId, TestAccessTokens.forUser(userId, "CUSTOMER", "ADMIN"));
    }

    static String orderBody(String productId, int quantity) {
        return """
                {"items":[{"productId":"%s","quantity":%d}],"paymentMethod":"pm-ok"}""".formatted(productId, quantity);
    }

    MvcTestResult place(Shopper shopper, String body) {
        return http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.token())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    MvcTestResult place(Shopper shopper, String body, String idempotencyKey) {
        return http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.token())
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    /** Places an order of one product and returns its id. */
    String placeOrder(Shopper shopper, String productId, int quantity) {
        MvcTestResult placed = place(shopper, orderBody(productId, quantity));
        assertThat(placed).hasStatus(201);
        return read(placed, "$.id");
    }

    MvcTestResult get(Shopper shopper, String uri) {
        return http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.token())
                .exchange();
    }

    MvcTestResult post(Shopper shopper, String uri) {
        return http.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.token())
                .exchange();
    }

    String status(Shopper shopper, String orderId) {
        return read(get(shopper, "/api/orders/" + orderId), "$.status");
    }

    static String read(MvcTestResult result, String path) {
        try {
            Object value = JsonPath.read(result.getResponse().getContentAsString(), path);
            return value == null ? null : value.toString();
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
