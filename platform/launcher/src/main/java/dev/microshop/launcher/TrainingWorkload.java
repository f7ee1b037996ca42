package dev.microshop.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a training run does once every process is ready, so that the AOT caches also hold the classes and method
 * profiles of a shopper's requests, not only of the start-up: through the gateway, a training shopper signs up,
 * logs in, looks at a product and orders it, and the order is followed until it ends. It leaves that shopper
 * and order in the local database.
 */
final class TrainingWorkload {

    private static final Duration ANSWER_TIME = Duration.ofSeconds(15);
    private static final Duration ORDER_END_TIME = Duration.ofSeconds(45);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TrainingWorkload(URI gateway) {
        this.gateway = gateway;
    }

    /** Places one order and returns how it ended (CONFIRMED or CANCELLED). */
    String placeOneOrder() throws IOException, InterruptedException {
        String email = "training-" + UUID.randomUUID() + "@example.com";
        String password = "training-" + UUID.randomUUID();
        send(
                "POST",
                "/api/users",
                null,
                JSON.createObjectNode()
                        .put("email", email)
                        .put("name", "Training shopper")
                        .put("password", password));
        String token = send(
                        "POST",
                        "/api/auth/token",
                        null,
                        JSON.createObjectNode().put("email", email).put("password", password))
                .path("accessToken")
                .asString();
        String product = send("GET", "/api/products?size=1", null, null)
                .path("content")
                .path(0)
                .path("id")
                .asString();
        var order = JSON.createObjectNode().put("paymentMethod", "pm-ok");
        order.putArray("items").addObject().put("productId", product).put("quantity", 1);
        String id = send("POST", "/api/orders", token, order).path("id").asString();
        Instant deadline = Instant.now().plus(ORDER_END_TIME);
        while (true) {
            String status =
                    send("GET", "/api/orders/" + id, token, null).path("status").asString();
            if (status.equals("CONFIRMED")
                    || status.equals("CANCELLED")
                    || Instant.now().isAfter(deadline)) {
                send("GET", "/api/notifications", token, null);
                return status;
            }
            Thread.sleep(200);
        }
    }

    private JsonNode send(String method, String path, String token, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(ANSWER_TIME)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST") && path.equals("/api/orders")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
