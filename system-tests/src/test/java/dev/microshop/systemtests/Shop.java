package dev.microshop.systemtests;

import static dev.microshop.systemtests.Microshop.GATEWAY;
import static dev.microshop.systemtests.Microshop.await;
import static dev.microshop.systemtests.Microshop.get;
import static dev.microshop.systemtests.Microshop.json;
import static dev.microshop.systemtests.Microshop.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The shop through the gateway as its clients use it: products and stock (as an administrator), orders, dead letters. */
final class Shop {

    static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

    private Shop() {}

    /** Records on the dead-letter topics that were not replayed, as ./microshop dlt counts them. */
    static int deadLettersNotReplayed() {
        Microshop.CommandResult list = Microshop.run("dlt", "list");
        assertThat(list.exitCode()).as(list.output()).isZero();
        return Pattern.compile("(\\d+) not replayed")
                .matcher(list.output())
                .results()
                .mapToInt(match -> Integer.parseInt(match.group(1)))
                .sum();
    }

    /** The new order's id, or empty when the request got no answer or a 5xx: then only a replay can tell. */
    static Optional<String> tryPlaceOrder(String gateway, Shopper buyer, String product, String idempotencyKey) {
        HttpResponse<String> created;
        try {
            created =
                    post(gateway + "/api/orders", orderBody(product, 1, "pm-ok"), headers(buyer, idempotencyKey, null));
        } catch (UncheckedIOException cutOff) {
            return Optional.empty();
        }
        if (created.statusCode() >= 500) {
            return Optional.empty();
        }
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Optional.of(json(created).get("id").asString());
    }

    static String newProduct(Shopper admin, int stock, String price) {
        String sku = "SYS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> created = post(
                GATEWAY + "/api/products",
                Map.of(
                        "sku",
                        sku,
                        "name",
                        "Test product " + sku,
                        "description",
                        "made by a system test",
                        "price",
                        Map.of("amount", price, "currency", "EUR"),
                        "initialStock",
                        stock),
                admin.bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    static Map<String, Integer> stock(Shopper admin, String product) {
        HttpResponse<String> levels = get(GATEWAY + "/api/products/" + product + "/stock", admin.bearer());
        assertThat(levels.statusCode()).as(levels.body()).isEqualTo(200);
        JsonNode json = json(levels);
        return Map.of(
                "available",
                json.get("available").asInt(),
                "reserved",
                json.get("reserved").asInt(),
                "sold",
                json.get("sold").asInt(),
                "received",
                json.get("received").asInt());
    }

    static JsonNode placeOrder(
            Shopper buyer, String product, int quantity, String paymentMethod, String idempotencyKey) {
        // A careful client: a 503 (a dependency briefly too slow, e.g. the first gRPC call after start-up on a busy
        // machine) is tried again with the same Idempotency-Key, so it can never place the order twice.
        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        AtomicReference<HttpResponse<String>> created = new AtomicReference<>();
        await(Duration.ofSeconds(30), () -> {
            created.set(post(
                    GATEWAY + "/api/orders", orderBody(product, quantity, paymentMethod), headers(buyer, key, null)));
            assertThat(created.get().statusCode()).as(created.get().body()).isNotEqualTo(503);
        });
        assertThat(created.get().statusCode()).as(created.get().body()).isIn(200, 201);
        return json(created.get());
    }

    static Map<String, Object> orderBody(String product, int quantity, String paymentMethod) {
        return Map.of(
                "items", List.of(Map.of("productId", product, "quantity", quantity)), "paymentMethod", paymentMethod);
    }

    static Map<String, String> headers(Shopper buyer, String idempotencyKey, String traceparent) {
        Map<String, String> headers = new HashMap<>(buyer.bearer());
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        if (traceparent != null) {
            headers.put("traceparent", traceparent);
        }
        return headers;
    }

    /** Polls the order until the saga has finished it (CONFIRMED or CANCELLED). */
    static JsonNode awaitFinished(Shopper buyer, String orderId) {
        return awaitFinished(buyer, orderId, SAGA_TIMEOUT);
    }

    static JsonNode awaitFinished(Shopper buyer, String orderId, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        await(timeout, () -> {
            HttpResponse<String> order = get(GATEWAY + "/api/orders/" + orderId, buyer.bearer());
            assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
            last[0] = json(order);
            assertThat(last[0].get("status").asString()).isIn("CONFIRMED", "CANCELLED");
        });
        return last[0];
    }

    /**
     * Waits for every order (id to its shopper) of one unit at 1.00 EUR to end, checks that the provider's ledger nets
     * 1.00 for each confirmed one and 0 for each cancelled one, and counts the outcomes.
     */
    static Map<String, Integer> awaitOutcomesOfOneEuroOrders(Map<String, Shopper> orders, Duration timeout) {
        Map<String, Integer> outcomes = new HashMap<>();
        orders.forEach((order, buyer) -> {
            String status = awaitFinished(buyer, order, timeout).get("status").asString();
            outcomes.merge(status, 1, Integer::sum);
            long expectedNet = status.equals("CONFIRMED") ? 100 : 0;
            await(
                    Duration.ofSeconds(60),
                    () -> assertThat(ProviderLedger.netChargedMinor(order))
                            .as("net charge of %s order %s", status, order)
                            .isEqualTo(expectedNet));
        });
        return outcomes;
    }
}
