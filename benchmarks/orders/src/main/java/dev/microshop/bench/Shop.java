package dev.microshop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shop's public API through the gateway, as the bench's set-up and report use it (the load itself is Gatling's). */
final class Shop {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** An order as the report needs it. {@code updatedAt} is when it became CONFIRMED or CANCELLED, once final. */
    record Order(String id, String status, String cancellationReason, Instant placedAt, Instant updatedAt) {

        boolean isFinal() {
            return status.equals("CONFIRMED") || status.equals("CANCELLED");
        }

        boolean cancelledByDeadline() {
            return status.equals("CANCELLED")
                    && cancellationReason != null
                    && cancellationReason.startsWith("Not completed within");
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI gateway;

    Shop(URI gateway) {
        this.gateway = gateway;
    }

    /** Signs the account up; an account that already exists (409) is fine, the bench reuses its accounts. */
    void signUp(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response =
                send(post("/api/users", null, Map.of("email", email, "name", "Bench shopper", "password", password)));
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw unexpected("sign-up of " + email, response);
        }
    }

    String accessToken(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response =
                send(post("/api/auth/token", null, Map.of("email", email, "password", password)));
        if (response.statusCode() != 200) {
            throw unexpected("log-in of " + email, response);
        }
        return JSON.readTree(response.body()).path("accessToken").asText();
    }

    /** The ids of every product in the catalogue. */
    List<String> productIds() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = send(
                    request("/api/products?size=100&page=" + page, null).GET().build());
            if (response.statusCode() != 200) {
                throw unexpected("the product list", response);
            }
            JsonNode body = JSON.readTree(response.body());
            body.path("content").forEach(product -> ids.add(product.path("id").asText()));
            if (body.path("content").isEmpty()
                    || ids.size() >= body.path("page").path("totalElements").asLong(Long.MAX_VALUE)) {
                return ids;
            }
        }
    }

    /** A stock count as an administrator: {@code available} units of the product from now on. */
    void setAvailable(String adminToken, String productId, int available) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/products/" + productId + "/stock", adminToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("available", available))))
                .build());
        if (response.statusCode() != 200) {
            throw unexpected("the stock count of " + productId, response);
        }
    }

    /** The order as its owner or an administrator sees it; empty if the shop does not know it. */
    Optional<Order> order(String token, String id) throws IOException, InterruptedException {
        HttpResponse<String> response =
                send(request("/api/orders/" + id, token).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw unexpected("order " + id, response);
        }
        JsonNode order = JSON.readTree(response.body());
        return Optional.of(new Order(
                order.path("id").asText(),
                order.path("status").asText(),
                order.path("cancellationReason").isTextual()
                        ? order.path("cancellationReason").asText()
                        : null,
                Instant.parse(order.path("placedAt").asText()),
                Instant.parse(order.path("updatedAt").asText())));
    }

    private HttpRequest post(String path, String token, Map<String, ?> body) throws IOException {
        return request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static IllegalStateException unexpected(String what, HttpResponse<String> response) {
        return new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
    }
}
