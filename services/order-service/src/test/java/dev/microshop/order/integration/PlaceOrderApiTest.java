package dev.microshop.order.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.Topics;
import dev.microshop.order.integration.Api.Shopper;
import dev.microshop.testsupport.TestAccessTokens;
import dev.microshop.testsupport.TestEvents;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Placing an order over REST: prices from inventory, the shopper from user-service, replays, and failures. */
@OrderServiceIntegrationTest
class PlaceOrderApiTest {

    static final FakeRemoteServices fakes = FakeRemoteServices.INSTANCE;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @AfterEach
    void healFakes() {
        fakes.reset();
    }

    @Test
    void an_order_is_priced_by_inventory_stored_pending_and_announced_as_order_created() {
        Shopper shopper = Api.newShopper();
        String mug = fakes.inventory.add("12.50", "EUR");
        String tea = fakes.inventory.add("3.30", "EUR");

        MvcTestResult placed = api.place(shopper, """
                {"items":[{"productId":"%s","quantity":2},{"productId":"%s","quantity":3}],"paymentMethod":"pm-ok"}""".formatted(mug, tea));

        assertThat(placed).hasStatus(201);
        String id = Api.read(placed, "$.id");
        assertThat(placed).headers().hasSingleValue("Location", "/api/orders/" + id);
        assertThat(Api.read(placed, "$.status")).isEqualTo("PENDING");
        assertThat(Api.read(placed, "$.total.amount")).isEqualTo("34.90");
        assertThat(Api.read(placed, "$.total.currency")).isEqualTo("EUR");
        assertThat(Api.read(placed, "$.items[0].productId")).isEqualTo(mug);
        assertThat(Api.read(placed, "$.items[0].unitPrice.amount")).isEqualTo("12.50");
        assertThat(Api.read(placed, "$.cancellationReason")).isNull();
        assertThat(fakes.users.calls.lastAuthorization)
                .as("the caller's token goes along")
                .isEqualTo("Bearer " + shopper.token());
        assertThat(fakes.inventory.calls.lastAuthorization).isEqualTo("Bearer " + shopper.token());

        ConsumerRecord<String, byte[]> created = TestEvents.await(Topics.ORDER_EVENTS, id, null);
        assertThat(TestEvents.header(created, "ce_type")).isEqualTo("order.created");
        assertThat(TestEvents.header(created, "ce_source")).isEqualTo("/microshop/order-service");
        assertThat(TestEvents.header(created, "ce_subject")).isEqualTo(id);
        assertThat(TestEvents.header(created, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        JsonNode body = json.readTree(created.value());
        assertThat(body.get("orderId").asString()).isEqualTo(id);
        assertThat(body.get("userId").asString()).isEqualTo(shopper.userId());
        assertThat(body.get("total").get("amount").decimalValue()).isEqualByComparingTo("34.90");
        assertThat(body.get("items").get(1).get("productId").asString()).isEqualTo(tea);
        assertThat(body.get("items").get(1).get("quantity").asInt()).isEqualTo(3);
        assertThat(body.get("items").get(1).get("unitPrice").get("amount").decimalValue())
                .isEqualByComparingTo("3.30");
    }

    @Test
    void a_replayed_idempotency_key_returns_the_first_order() {
        Shopper shopper = Api.newShopper();
        String mug = fakes.inventory.add("12.50", "EUR");
        String key = "checkout-" + UUID.randomUUID();

        MvcTestResult first = api.place(shopper, Api.orderBody(mug, 1), key);
        MvcTestResult replay = api.place(shopper, Api.orderBody(mug, 1), key);

        assertThat(first).hasStatus(201).headers().hasSingleValue("Idempotent-Replayed", "false");
        assertThat(replay).hasStatus(201).headers().hasSingleValue("Idempotent-Replayed", "true");
        assertThat(Api.read(replay, "$.id")).isEqualTo(Api.read(first, "$.id"));
        assertThat(ordersWithKey(shopper, key)).isEqualTo(1);
    }

    @Test
    void concurrent_replays_of_one_idempotency_key_place_one_order() throws Exception {
        Shopper shopper = Api.newShopper();
        String mug = fakes.inventory.add("12.50", "EUR");
        String key = "race-" + UUID.randomUUID();
        fakes.inventory.calls.delay = Duration.ofMillis(200); // all requests pass the look-up before any stores

        List<Future<MvcTestResult>> replies;
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            Callable<MvcTestResult> request = () -> api.place(shopper, Api.orderBody(mug, 1), key);
            replies = clients.invokeAll(List.of(request, request, request, request, request, request));
        }

        List<String> ids = replies.stream()
                .map(reply -> {
                    try {
                        assertThat(reply.get()).hasStatus(201);
                        return Api.read(reply.get(), "$.id");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct()
                .toList();
        assertThat(ids).hasSize(1);
        assertThat(ordersWithKey(shopper, key)).isEqualTo(1);
    }

    @Test
    void the_same_idempotency_key_with_another_quantity_is_refused_and_the_first_order_stays_alone() {
        Shopper shopper = Api.newShopper();
        String mug = fakes.inventory.add("12.50", "EUR");
        String key = "checkout-" + UUID.randomUUID();

        MvcTestResult first = api.place(shopper, Api.orderBody(mug, 1), key);
        MvcTestResult more = api.place(shopper, Api.orderBody(mug, 5), key);

        assertThat(first).hasStatus(201);
        assertThat(more).hasStatus(422);
        assertThat(more).hasContentType("application/problem+json");
        assertThat(Api.read(more, "$.title")).isEqualTo("Idempotency-Key reused");
        assertThat(Api.read(more, "$.detail")).contains(key).contains("different order request");
        assertThat(Api.read(more, "$.traceId")).isNotBlank();
        assertThat(ordersWithKey(shopper, key)).isEqualTo(1);
        assertThat(Api.read(api.get(shopper, "/api/orders/" + Api.read(first, "$.id")), "$.items[0].quantity"))
                .isEqualTo("1");
    }

    @Test
    void the_same_idempotency_key_with_another_card_is_refused() {
        Shopper shopper = Api.newShopper();
        String mug = fakes.inventory.add("12.50", "EUR");
        String key = "checkout-" + UUID.randomUUID();
        api.place(shopper, Api.orderBody(mug, 1), key);

        MvcTestResult otherCard = api.place(shopper, """
                {"items":[{"productId":"%s","quantity":1}],"paymentMethod":"pm-declined"}""".formatted(mug), key);

        assertThat(otherCard).hasStatus(422);
        assertThat(Api.read(otherCard, "$.title")).isEqualTo("Idempotency-Key reused");
        assertThat(Api.read(api.get(shopper, "/api/orders"), "$.page.totalElements"))
                .isEqualTo("1");
    }

    @Test
    void a_replay_is_the_same_request_whatever_the_order_of_its_items_or_the_case_of_their_ids() {
        Shopper shopper = Api.newShopper();
        String mug = fakes.inventory.add("12.50", "EUR");
        String tea = fakes.inventory.add("3.30", "EUR");
        String key = "checkout-" + UUID.randomUUID();

        MvcTestResult first = api.place(shopper, """
                {"items":[{"productId":"%s","quantity":2},{"productId":"%s","quantity":1}],"paymentMethod":"pm-ok"}""".formatted(mug, tea), key);
        MvcTestResult replay = api.place(shopper, """
                {"items":[{"productId":"%s","quantity":1},{"productId":"%s","quantity":1},{"productId":"%s","quantity":1}],
                 "paymentMethod":"pm-ok"}""".formatted(tea.toUpperCase(), mug, mug), key);

        assertThat(replay).hasStatus(201).headers().hasSingleValue("Idempotent-Replayed", "true");
        assertThat(Api.read(replay, "$.id")).isEqualTo(Api.read(first, "$.id"));
    }

    @Test
    void concurrent_requests_with_one_key_but_different_bodies_place_one_order_and_refuse_the_others()
            throws Exception {
        Shopper shopper = Api.newShopper();
        String mug = fakes.inventory.add("12.50", "EUR");
        String key = "race-" + UUID.randomUUID();
        fakes.inventory.calls.delay = Duration.ofMillis(200); // all requests pass the look-up before any stores

        List<Future<MvcTestResult>> replies;
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            replies = clients.invokeAll(List.of(1, 2, 3, 4).stream()
                    .<Callable<MvcTestResult>>map(
                            quantity -> () -> api.place(shopper, Api.orderBody(mug, quantity), key))
                    .toList());
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<MvcTestResult> reply : replies) {
            statuses.add(reply.get().getResponse().getStatus());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 422, 422, 422);
        assertThat(ordersWithKey(shopper, key)).isEqualTo(1);
    }

    @Test
    void the_same_key_of_another_shopper_is_another_order() {
        String mug = fakes.inventory.add("12.50", "EUR");

        String first = Api.read(api.place(Api.newShopper(), Api.orderBody(mug, 1), "shared-key"), "$.id");
        String second = Api.read(api.place(Api.newShopper(), Api.orderBody(mug, 1), "shared-key"), "$.id");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void an_unknown_product_is_a_bad_request_naming_it() {
        String unknown = UUID.randomUUID().toString();

        MvcTestResult placed = api.place(Api.newShopper(), Api.orderBody(unknown, 1));

        assertThat(placed).hasStatus(400);
        assertThat(Api.read(placed, "$.title")).isEqualTo("Unknown product");
        assertThat(Api.read(placed, "$.detail")).contains(unknown);
        assertThat(Api.read(placed, "$.traceId")).isNotBlank();
    }

    @Test
    void an_order_for_a_user_that_user_service_does_not_know_is_a_bad_request() {
        String stranger = UUID.randomUUID().toString();
        Shopper unknown = new Shopper(stranger, TestAccessTokens.forUser(stranger, "CUSTOMER"));

        MvcTestResult placed = api.place(unknown, Api.orderBody(fakes.inventory.add("1.00", "EUR"), 1));

        assertThat(placed).hasStatus(400);
        assertThat(Api.read(placed, "$.detail")).isEqualTo("No user with id " + stranger);
    }

    @Test
    void invalid_input_is_a_bad_request_listing_the_fields() {
        Shopper shopper = Api.newShopper();

        MvcTestResult noItems = api.place(shopper, """
                {"items":[],"paymentMethod":"pm-ok"}""");
        MvcTestResult zero = api.place(shopper, Api.orderBody(UUID.randomUUID().toString(), 0));
        MvcTestResult notAnId = api.place(shopper, Api.orderBody("mug", 1));

        assertThat(noItems).hasStatus(400);
        assertThat(Api.read(noItems, "$.errors[0].field")).isEqualTo("items");
        assertThat(zero).hasStatus(400);
        assertThat(Api.read(zero, "$.errors[0].field")).isEqualTo("items[0].quantity");
        assertThat(notAnId).hasStatus(400);
        assertThat(Api.read(notAnId, "$.detail")).isEqualTo("Product id 'mug' is not a UUID");
    }

    @Test
    void inventory_slower_than_the_deadline_is_a_503_and_no_order() {
        Shopper shopper = Api.newShopper();
        String mug = fakes.inventory.add("12.50", "EUR");
        fakes.inventory.calls.delay = Duration.ofMillis(2500);

        long started = System.nanoTime();
        MvcTestResult placed = api.place(shopper, Api.orderBody(mug, 1));

        assertThat(placed).hasStatus(503);
        assertThat(placed).headers().hasSingleValue("Retry-After", "2");
        assertThat(Api.read(placed, "$.detail")).startsWith("inventory-service is not available");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2400));
        assertThat(Api.read(api.get(shopper, "/api/orders"), "$.page.totalElements"))
                .isEqualTo("0");
    }

    @Test
    void user_service_unavailable_is_a_503() {
        fakes.users.calls.failure = Status.UNAVAILABLE.withDescription("connection refused");

        MvcTestResult placed = api.place(Api.newShopper(), Api.orderBody(fakes.inventory.add("1.00", "EUR"), 1));

        assertThat(placed).hasStatus(503);
        assertThat(Api.read(placed, "$.detail")).startsWith("user-service is not available");
    }

    @Test
    void a_shopper_found_once_is_known_and_their_next_orders_do_not_ask_user_service() {
        Shopper known = Api.newShopper();
        String product = fakes.inventory.add("1.00", "EUR");
        assertThat(api.place(known, Api.orderBody(product, 1))).hasStatus(201);
        fakes.users.calls.failure = Status.UNAVAILABLE.withDescription("connection refused");

        assertThat(api.place(known, Api.orderBody(product, 1))).hasStatus(201);
        assertThat(api.place(Api.newShopper(), Api.orderBody(product, 1)))
                .as("a shopper never seen is still asked about")
                .hasStatus(503);
    }

    @Test
    void an_order_is_visible_to_its_owner_and_administrators_only() {
        Shopper owner = Api.newShopper();
        String id = api.placeOrder(owner, fakes.inventory.add("5.00", "EUR"), 1);

        assertThat(api.get(owner, "/api/orders/" + id)).hasStatus(200);
        assertThat(api.get(Api.newAdmin(), "/api/orders/" + id)).hasStatus(200);
        MvcTestResult someoneElse = api.get(Api.newShopper(), "/api/orders/" + id);
        assertThat(someoneElse).hasStatus(404);
        assertThat(Api.read(someoneElse, "$.detail")).isEqualTo("No order with id " + id);
        assertThat(api.get(owner, "/api/orders/not-an-id")).hasStatus(404);
        assertThat(api.get(owner, "/api/orders/" + UUID.randomUUID())).hasStatus(404);
    }

    @Test
    void my_orders_come_newest_first_in_pages() {
        Shopper shopper = Api.newShopper();
        String product = fakes.inventory.add("5.00", "EUR");
        String oldest = api.placeOrder(shopper, product, 1);
        String middle = api.placeOrder(shopper, product, 2);
        String newest = api.placeOrder(shopper, product, 3);
        api.placeOrder(Api.newShopper(), product, 1);

        MvcTestResult firstPage = api.get(shopper, "/api/orders?page=0&size=2");
        MvcTestResult secondPage = api.get(shopper, "/api/orders?page=1&size=2");

        assertThat(firstPage).hasStatus(200);
        assertThat(Api.read(firstPage, "$.content[0].id")).isEqualTo(newest);
        assertThat(Api.read(firstPage, "$.content[1].id")).isEqualTo(middle);
        assertThat(Api.read(firstPage, "$.page.totalElements")).isEqualTo("3");
        assertThat(Api.read(firstPage, "$.page.totalPages")).isEqualTo("2");
        assertThat(Api.read(firstPage, "$.page.size")).isEqualTo("2");
        assertThat(Api.read(secondPage, "$.page.number")).isEqualTo("1");
        assertThat(Api.read(secondPage, "$.content[0].id")).isEqualTo(oldest);
    }

    @Test
    void orders_need_an_access_token() {
        assertThat(api.get(new Shopper("nobody", "not-a-token"), "/api/orders")).hasStatus(401);
    }

    private long ordersWithKey(Shopper shopper, String key) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?::uuid AND idempotency_key = ?")
                .params(shopper.userId(), key)
                .query(Long.class)
                .single();
    }
}
