package dev.microshop.order.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microshop.contracts.events.InventoryEvents;
import dev.microshop.contracts.events.Money;
import dev.microshop.contracts.events.PaymentEvents;
import dev.microshop.contracts.events.Topics;
import dev.microshop.order.integration.Api.Shopper;
import dev.microshop.testsupport.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The place-order saga driven the way the system drives it: inventory and payment events published to the real
 * broker, order events read back from it.
 */
@OrderServiceIntegrationTest
class PlaceOrderSagaTest {

    static final Duration SETTLE = Duration.ofSeconds(20);
    static final FakeRemoteServices fakes = FakeRemoteServices.INSTANCE;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    Api api;
    Shopper shopper;
    String product;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @BeforeEach
    void newShopperAndProduct() {
        shopper = Api.newShopper();
        product = fakes.inventory.add("12.50", "EUR");
    }

    @Test
    void reserved_stock_requests_payment_and_completed_payment_confirms() {
        double confirmedBefore = meters.counter("microshop.orders.confirmed").count();
        String order = api.placeOrder(shopper, product, 2);

        reserve(order);
        awaitStatus(order, "RESERVED");
        JsonNode paymentRequested = json.readTree(orderEvents(order, "order.payment-requested").stream()
                .filter(record -> "order.payment-requested".equals(TestEvents.header(record, "ce_type")))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(paymentRequested.get("userId").asString()).isEqualTo(shopper.userId());
        assertThat(paymentRequested.get("amount").get("amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(paymentRequested.get("paymentMethod").asString()).isEqualTo("pm-ok");

        TestEvents.send(
                Topics.PAYMENT_EVENTS,
                order,
                PaymentEvents.PaymentCompleted.TYPE,
                new PaymentEvents.PaymentCompleted(order, UUID.randomUUID().toString(), eur("25.00")));
        awaitStatus(order, "CONFIRMED");

        assertThat(TestEvents.types(orderEvents(order, "order.confirmed")))
                .containsExactly("order.created", "order.payment-requested", "order.confirmed");
        assertThat(meters.counter("microshop.orders.confirmed").count()).isEqualTo(confirmedBefore + 1);
        assertThat(meters.timer("microshop.order.saga.duration", "outcome", "confirmed")
                        .count())
                .isPositive();
    }

    @Test
    void rejected_stock_cancels_with_the_reason_and_announces_it() {
        String order = api.placeOrder(shopper, product, 50);

        TestEvents.send(
                Topics.INVENTORY_EVENTS,
                order,
                InventoryEvents.InventoryRejected.TYPE,
                new InventoryEvents.InventoryRejected(order, "Only 10 of product " + product + " in stock"));

        awaitStatus(order, "CANCELLED");
        assertThat(Api.read(api.get(shopper, "/api/orders/" + order), "$.cancellationReason"))
                .isEqualTo("Stock could not be reserved: Only 10 of product " + product + " in stock");
        assertThat(TestEvents.types(orderEvents(order, "order.cancelled")))
                .containsExactly("order.created", "order.cancelled");
    }

    @Test
    void failed_payment_cancels_a_reserved_order_so_stock_is_released() {
        String order = api.placeOrder(shopper, product, 1);
        reserve(order);
        awaitStatus(order, "RESERVED");

        TestEvents.send(
                Topics.PAYMENT_EVENTS,
                order,
                PaymentEvents.PaymentFailed.TYPE,
                new PaymentEvents.PaymentFailed(order, "card declined"));

        awaitStatus(order, "CANCELLED");
        assertThat(Api.read(api.get(shopper, "/api/orders/" + order), "$.cancellationReason"))
                .isEqualTo("Payment failed: card declined");
        ConsumerRecord<String, byte[]> cancelled =
                orderEvents(order, "order.cancelled").getLast();
        assertThat(json.readTree(cancelled.value()).get("reason").asString())
                .isEqualTo("Payment failed: card declined");
    }

    @Test
    void the_same_event_delivered_twice_changes_nothing() {
        String order = api.placeOrder(shopper, product, 1);
        String reservedId = reserve(order);
        awaitStatus(order, "RESERVED");

        TestEvents.send(
                Topics.INVENTORY_EVENTS,
                order,
                InventoryEvents.InventoryReserved.TYPE,
                new InventoryEvents.InventoryReserved(order, List.of(new InventoryEvents.ReservedItem(product, 1))),
                reservedId);
        // A marker behind the duplicate on the same partition: once it is handled, so is the duplicate.
        awaitHandled(TestEvents.send(
                Topics.INVENTORY_EVENTS,
                order,
                InventoryEvents.InventoryRejected.TYPE,
                new InventoryEvents.InventoryRejected(order, "marker")));

        assertThat(TestEvents.types(orderEvents(order, "order.payment-requested")))
                .containsExactly("order.created", "order.payment-requested");
        assertThat(api.status(shopper, order)).isEqualTo("RESERVED");
    }

    @Test
    void a_late_event_for_a_finished_order_changes_nothing() {
        String order = api.placeOrder(shopper, product, 1);
        reserve(order);
        awaitStatus(order, "RESERVED");
        TestEvents.send(
                Topics.PAYMENT_EVENTS,
                order,
                PaymentEvents.PaymentCompleted.TYPE,
                new PaymentEvents.PaymentCompleted(order, UUID.randomUUID().toString(), eur("12.50")));
        awaitStatus(order, "CONFIRMED");

        awaitHandled(TestEvents.send(
                Topics.PAYMENT_EVENTS,
                order,
                PaymentEvents.PaymentFailed.TYPE,
                new PaymentEvents.PaymentFailed(order, "too late")));
        awaitHandled(TestEvents.send(
                Topics.INVENTORY_EVENTS,
                order,
                InventoryEvents.InventoryRejected.TYPE,
                new InventoryEvents.InventoryRejected(order, "too late")));

        assertThat(api.status(shopper, order)).isEqualTo("CONFIRMED");
        assertThat(TestEvents.types(orderEvents(order, "order.confirmed")))
                .containsExactly("order.created", "order.payment-requested", "order.confirmed");
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_the_saga_goes_on() {
        String order = api.placeOrder(shopper, product, 1);

        TestEvents.sendRaw(Topics.INVENTORY_EVENTS, order, "not a cloud event");
        TestEvents.send(Topics.INVENTORY_EVENTS, order, InventoryEvents.InventoryReserved.TYPE, "{\"orderId\": 42}");
        reserve(order);

        awaitStatus(order, "RESERVED");
        TestEvents.await(Topics.deadLetter(Topics.INVENTORY_EVENTS), order, InventoryEvents.InventoryReserved.TYPE);
        List<ConsumerRecord<String, byte[]>> parked =
                TestEvents.recordsWithKey(Topics.deadLetter(Topics.INVENTORY_EVENTS), order);
        assertThat(parked).hasSize(2);
        assertThat(new String(parked.getFirst().value(), StandardCharsets.UTF_8))
                .isEqualTo("not a cloud event");
    }

    @Test
    void an_order_past_the_deadline_is_cancelled_once_and_announced() {
        double cancelledBefore = deadlineCancellations();
        String pending = api.placeOrder(shopper, product, 1);
        String reserved = api.placeOrder(shopper, product, 1);
        reserve(reserved);
        awaitStatus(reserved, "RESERVED");

        jdbc.sql("UPDATE orders SET placed_at = placed_at - interval '31 seconds' WHERE id IN (?::uuid, ?::uuid)")
                .params(pending, reserved)
                .update();

        awaitStatus(pending, "CANCELLED");
        awaitStatus(reserved, "CANCELLED");
        assertThat(Api.read(api.get(shopper, "/api/orders/" + reserved), "$.cancellationReason"))
                .isEqualTo("Not completed within 30 s (was RESERVED)");
        assertThat(TestEvents.types(orderEvents(reserved, "order.cancelled")))
                .containsExactly("order.created", "order.payment-requested", "order.cancelled");
        assertThat(deadlineCancellations()).isGreaterThanOrEqualTo(cancelledBefore + 2);

        awaitHandled(TestEvents.send(
                Topics.PAYMENT_EVENTS,
                reserved,
                PaymentEvents.PaymentCompleted.TYPE,
                new PaymentEvents.PaymentCompleted(reserved, UUID.randomUUID().toString(), eur("12.50"))));
        assertThat(api.status(shopper, reserved))
                .as("a payment after the deadline is refunded, not confirmed")
                .isEqualTo("CANCELLED");
    }

    @Test
    void the_shopper_cancels_before_confirmation_but_not_after() {
        String order = api.placeOrder(shopper, product, 1);

        MvcTestResult cancelled = api.post(shopper, "/api/orders/" + order + "/cancel");

        assertThat(cancelled).hasStatus(200);
        assertThat(Api.read(cancelled, "$.status")).isEqualTo("CANCELLED");
        assertThat(Api.read(cancelled, "$.cancellationReason")).isEqualTo("Cancelled by the customer");
        assertThat(TestEvents.types(orderEvents(order, "order.cancelled")))
                .containsExactly("order.created", "order.cancelled");
        assertThat(api.post(Api.newShopper(), "/api/orders/" + order + "/cancel"))
                .hasStatus(404);

        String confirmed = confirmedOrder();
        MvcTestResult tooLate = api.post(shopper, "/api/orders/" + confirmed + "/cancel");
        assertThat(tooLate).hasStatus(409);
        assertThat(Api.read(tooLate, "$.detail"))
                .isEqualTo("Order " + confirmed + " is CONFIRMED and cannot be cancelled");
    }

    @Test
    void an_administrator_ships_a_confirmed_order_which_then_never_changes() {
        String order = confirmedOrder();
        Shopper admin = Api.newAdmin();

        assertThat(api.post(shopper, "/api/orders/" + order + "/ship")).hasStatus(403);
        MvcTestResult shipped = api.post(admin, "/api/orders/" + order + "/ship");

        assertThat(shipped).hasStatus(200);
        assertThat(Api.read(shipped, "$.status")).isEqualTo("SHIPPED");
        assertThat(api.post(admin, "/api/orders/" + order + "/ship")).hasStatus(409);
        assertThat(api.post(admin, "/api/orders/" + order + "/cancel")).hasStatus(409);
        assertThat(api.post(admin, "/api/orders/" + api.placeOrder(shopper, product, 1) + "/ship"))
                .hasStatus(409);
        assertThat(api.status(shopper, order)).isEqualTo("SHIPPED");
        assertThat(TestEvents.types(orderEvents(order, "order.shipped")))
                .containsExactly("order.created", "order.payment-requested", "order.confirmed", "order.shipped");
    }

    @Test
    void administrators_list_every_shoppers_orders_by_status_and_shoppers_may_not() {
        String confirmed = confirmedOrder();
        String pending = api.placeOrder(Api.newShopper(), product, 1);
        Shopper admin = Api.newAdmin();

        MvcTestResult toShip = api.get(admin, "/api/admin/orders?status=CONFIRMED&size=100");
        MvcTestResult inProgress = api.get(admin, "/api/admin/orders?status=PENDING&status=RESERVED&size=100");
        MvcTestResult everything = api.get(admin, "/api/admin/orders?size=100");

        assertThat(toShip).hasStatus(200);
        assertThat(toShip)
                .bodyJson()
                .extractingPath("$.content[*].status")
                .asArray()
                .containsOnly("CONFIRMED");
        assertThat(toShip)
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .contains(confirmed);
        assertThat(inProgress)
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .contains(pending);
        assertThat(inProgress)
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .doesNotContain(confirmed);
        assertThat(everything)
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .asNumber()
                .satisfies(total -> assertThat(total.longValue()).isGreaterThanOrEqualTo(2));
        assertThat(api.get(shopper, "/api/admin/orders")).hasStatus(403);
        MvcTestResult unknownStatus = api.get(admin, "/api/admin/orders?status=LOST");
        assertThat(unknownStatus).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String confirmedOrder() {
        String order = api.placeOrder(shopper, product, 1);
        reserve(order);
        awaitStatus(order, "RESERVED");
        TestEvents.send(
                Topics.PAYMENT_EVENTS,
                order,
                PaymentEvents.PaymentCompleted.TYPE,
                new PaymentEvents.PaymentCompleted(order, UUID.randomUUID().toString(), eur("12.50")));
        awaitStatus(order, "CONFIRMED");
        return order;
    }

    private String reserve(String order) {
        return TestEvents.send(
                Topics.INVENTORY_EVENTS,
                order,
                InventoryEvents.InventoryReserved.TYPE,
                new InventoryEvents.InventoryReserved(order, List.of(new InventoryEvents.ReservedItem(product, 1))));
    }

    /** Every event order-service sent about the order so far, once one of {@code type} is among them. */
    private static List<ConsumerRecord<String, byte[]>> orderEvents(String order, String type) {
        TestEvents.await(Topics.ORDER_EVENTS, order, type);
        return TestEvents.recordsWithKey(Topics.ORDER_EVENTS, order);
    }

    private void awaitStatus(String order, String status) {
        await().atMost(SETTLE)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(api.status(shopper, order)).isEqualTo(status));
    }

    /** Waits until the saga has handled the event: its id is recorded in the same transaction as its effect. */
    private void awaitHandled(String eventId) {
        await().atMost(SETTLE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = ?")
                                .param(eventId)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private double deadlineCancellations() {
        return meters.counter("microshop.orders.cancelled", "reason", "deadline_passed")
                .count();
    }
}
