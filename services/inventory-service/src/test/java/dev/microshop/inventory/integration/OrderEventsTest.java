package dev.microshop.inventory.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.Money;
import dev.microshop.contracts.events.OrderEvents.OrderCancelled;
import dev.microshop.contracts.events.OrderEvents.OrderConfirmed;
import dev.microshop.contracts.events.OrderEvents.OrderCreated;
import dev.microshop.contracts.events.OrderEvents.OrderPaymentRequested;
import dev.microshop.contracts.events.OrderEvents.OrderedItem;
import dev.microshop.contracts.events.Topics;
import dev.microshop.inventory.application.product.AddProduct;
import dev.microshop.inventory.application.stock.GetStockLevel;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.testsupport.TestEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Inventory's part of the order saga over the real broker: reserve, sell, release; each event once; poison aside. */
@InventoryServiceIntegrationTest
class OrderEventsTest {

    private static final Money PRICE = new Money(new BigDecimal("9.99"), "EUR");

    @Autowired
    AddProduct addProduct;

    @Autowired
    GetStockLevel getStockLevel;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void a_created_order_gets_every_item_reserved_and_inventory_says_so() {
        ProductId mug = TestProducts.add(addProduct, 5);
        ProductId tea = TestProducts.add(addProduct, 5);
        String order = newOrderId();

        TestEvents.send(
                Topics.ORDER_EVENTS,
                order,
                OrderCreated.TYPE,
                created(order, item(mug, 2), item(tea, 1), item(mug, 1)));

        ConsumerRecord<String, byte[]> reserved = TestEvents.await("inventory-events", order, "inventory.reserved");
        assertThat(TestEvents.header(reserved, "ce_subject")).isEqualTo(order);
        assertThat(TestEvents.header(reserved, "ce_source")).isEqualTo("/microshop/inventory-service");
        assertThat(TestEvents.header(reserved, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        JsonNode body = json.readTree(reserved.value());
        assertThat(body.get("orderId").asString()).isEqualTo(order);
        assertThat(body.get("items").values())
                .extracting(item -> item.get("productId").asString() + " x"
                        + item.get("quantity").asInt())
                .containsExactlyInAnyOrder(mug + " x3", tea + " x1");
        assertThat(getStockLevel.get(mug)).isEqualTo(new StockLevel(mug, 5, 2, 3, 0));
        assertThat(getStockLevel.get(tea)).isEqualTo(new StockLevel(tea, 5, 4, 1, 0));
    }

    @Test
    void an_order_that_cannot_be_met_in_full_reserves_nothing_and_inventory_says_why() {
        ProductId mug = TestProducts.add(addProduct, 5);
        ProductId tea = TestProducts.add(addProduct, 1);
        String order = newOrderId();

        TestEvents.send(Topics.ORDER_EVENTS, order, OrderCreated.TYPE, created(order, item(mug, 2), item(tea, 2)));

        ConsumerRecord<String, byte[]> rejected = TestEvents.await("inventory-events", order, "inventory.rejected");
        assertThat(json.readTree(rejected.value()).get("reason").asString())
                .isEqualTo("Not enough stock of product " + tea + ": 2 requested, 1 available");
        assertThat(getStockLevel.get(mug)).isEqualTo(StockLevel.initial(mug, 5));
        assertThat(getStockLevel.get(tea)).isEqualTo(StockLevel.initial(tea, 1));
    }

    @Test
    void a_confirmed_order_sells_its_reserved_units() {
        ProductId mug = TestProducts.add(addProduct, 5);
        String order = newOrderId();
        TestEvents.send(Topics.ORDER_EVENTS, order, OrderCreated.TYPE, created(order, item(mug, 2)));
        TestEvents.await("inventory-events", order, "inventory.reserved");

        String confirmation = TestEvents.send(
                Topics.ORDER_EVENTS, order, OrderConfirmed.TYPE, new OrderConfirmed(order, userId(), PRICE));

        awaitHandled(confirmation);
        assertThat(getStockLevel.get(mug)).isEqualTo(new StockLevel(mug, 5, 3, 0, 2));
    }

    @Test
    void a_cancelled_order_gives_its_reserved_units_back_and_inventory_says_so() {
        ProductId mug = TestProducts.add(addProduct, 5);
        String order = newOrderId();
        TestEvents.send(Topics.ORDER_EVENTS, order, OrderCreated.TYPE, created(order, item(mug, 4)));
        TestEvents.await("inventory-events", order, "inventory.reserved");

        TestEvents.send(
                Topics.ORDER_EVENTS,
                order,
                OrderCancelled.TYPE,
                new OrderCancelled(order, userId(), "Payment declined"));

        ConsumerRecord<String, byte[]> released = TestEvents.await("inventory-events", order, "inventory.released");
        assertThat(json.readTree(released.value()).get("orderId").asString()).isEqualTo(order);
        assertThat(getStockLevel.get(mug)).isEqualTo(StockLevel.initial(mug, 5));
    }

    @Test
    void the_same_events_delivered_again_change_nothing() {
        ProductId mug = TestProducts.add(addProduct, 10);
        String order = newOrderId();
        String creation = TestEvents.send(Topics.ORDER_EVENTS, order, OrderCreated.TYPE, created(order, item(mug, 2)));
        TestEvents.send(Topics.ORDER_EVENTS, order, OrderCreated.TYPE, created(order, item(mug, 2)), creation);
        // The same order announced again under a new event id reserves nothing either.
        TestEvents.send(Topics.ORDER_EVENTS, order, OrderCreated.TYPE, created(order, item(mug, 2)));
        OrderConfirmed confirmed = new OrderConfirmed(order, userId(), PRICE);
        String confirmation = TestEvents.send(Topics.ORDER_EVENTS, order, OrderConfirmed.TYPE, confirmed);
        TestEvents.send(Topics.ORDER_EVENTS, order, OrderConfirmed.TYPE, confirmed, confirmation);
        String cancellation = TestEvents.send(
                Topics.ORDER_EVENTS, order, OrderCancelled.TYPE, new OrderCancelled(order, userId(), "late"));

        awaitHandled(cancellation);
        assertThat(getStockLevel.get(mug)).isEqualTo(new StockLevel(mug, 10, 8, 0, 2));
        assertThat(TestEvents.recordsWithKey("inventory-events", order))
                .extracting(record -> TestEvents.header(record, "ce_type"))
                .containsExactly("inventory.reserved");
    }

    @Test
    void an_order_cancelled_before_its_creation_was_handled_never_gets_stock() {
        ProductId mug = TestProducts.add(addProduct, 5);
        String order = newOrderId();

        TestEvents.send(
                Topics.ORDER_EVENTS, order, OrderCancelled.TYPE, new OrderCancelled(order, userId(), "Took too long"));
        String creation = TestEvents.send(Topics.ORDER_EVENTS, order, OrderCreated.TYPE, created(order, item(mug, 1)));

        awaitHandled(creation);
        assertThat(getStockLevel.get(mug)).isEqualTo(StockLevel.initial(mug, 5));
        assertThat(jdbc.sql("SELECT status FROM stock_reservations WHERE order_id = :id")
                        .param("id", UUID.fromString(order))
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
    }

    @Test
    void order_events_that_are_not_inventorys_business_are_skipped() {
        ProductId mug = TestProducts.add(addProduct, 5);
        String order = newOrderId();

        TestEvents.send(
                Topics.ORDER_EVENTS,
                order,
                OrderPaymentRequested.TYPE,
                new OrderPaymentRequested(order, userId(), PRICE, "pm-ok", null));
        TestEvents.send(Topics.ORDER_EVENTS, order, OrderCreated.TYPE, created(order, item(mug, 1)));

        TestEvents.await("inventory-events", order, "inventory.reserved");
        assertThat(getStockLevel.get(mug)).isEqualTo(new StockLevel(mug, 5, 4, 1, 0));
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_once_and_the_consumer_goes_on() {
        ProductId mug = TestProducts.add(addProduct, 5);
        String poisoned = newOrderId();
        String unreadable = newOrderId();
        String next = newOrderId();

        TestEvents.sendRaw("order-events", poisoned, "not a cloud event");
        TestEvents.send(
                Topics.ORDER_EVENTS,
                unreadable,
                OrderCreated.TYPE,
                Map.of("orderId", "not-a-uuid", "items", List.of()));
        TestEvents.send(Topics.ORDER_EVENTS, next, OrderCreated.TYPE, created(next, item(mug, 1)));

        TestEvents.await("inventory-events", next, "inventory.reserved");
        ConsumerRecord<String, byte[]> deadLetter = TestEvents.await("order-events.dlt", poisoned, null);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
        assertThat(TestEvents.header(deadLetter, "kafka_dlt-exception-message")).contains("not a CloudEvent");
        assertThat(TestEvents.recordsWithKey("order-events.dlt", poisoned)).hasSize(1);
        ConsumerRecord<String, byte[]> unreadableLetter =
                TestEvents.await("order-events.dlt", unreadable, "order.created");
        assertThat(TestEvents.header(unreadableLetter, "kafka_dlt-exception-message"))
                .contains("not-a-uuid");
        assertThat(TestEvents.recordsWithKey("order-events.dlt", unreadable)).hasSize(1);
        assertThat(getStockLevel.get(mug)).isEqualTo(new StockLevel(mug, 5, 4, 1, 0));
    }

    /** Waits until inventory has handled the event with this id (its id is stored with the effect). */
    private void awaitHandled(String eventId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            boolean handled = jdbc.sql("SELECT count(*) FROM processed_events WHERE consumer = 'inventory-service' "
                                    + "AND event_id = :id")
                            .param("id", eventId)
                            .query(Long.class)
                            .single()
                    > 0;
            if (handled) {
                return;
            }
            sleep();
        }
        throw new AssertionError("event " + eventId + " was not handled within 30 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    private static String userId() {
        return "3f5d1c2a-0000-4000-8000-000000000001";
    }

    private static OrderedItem item(ProductId product, int quantity) {
        return new OrderedItem(product.toString(), quantity, PRICE);
    }

    private static OrderCreated created(String orderId, OrderedItem... items) {
        return new OrderCreated(orderId, userId(), List.of(items), PRICE, Instant.now());
    }
}
