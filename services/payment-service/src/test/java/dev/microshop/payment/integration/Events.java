package dev.microshop.payment.integration;

import dev.microshop.contracts.events.Money;
import dev.microshop.contracts.events.OrderEvents;
import dev.microshop.contracts.events.Topics;
import dev.microshop.testsupport.TestEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Order events as order-service sends them, and the payment events this service answers with, on the real broker. */
final class Events {

    private static final JsonMapper JSON = new JsonMapper();

    private Events() {}

    static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    /** Sends {@code order.payment-requested} for 12.50 EUR; returns the event's id. */
    static String paymentRequested(String orderId, String userId, String paymentMethod) {
        return paymentRequested(orderId, userId, paymentMethod, null);
    }

    /** ... to be paid before {@code payBefore}, when order-service cancels the order. */
    static String paymentRequested(String orderId, String userId, String paymentMethod, Instant payBefore) {
        return TestEvents.send(
                Topics.ORDER_EVENTS,
                orderId,
                OrderEvents.OrderPaymentRequested.TYPE,
                paymentRequest(orderId, userId, paymentMethod, payBefore));
    }

    /** Sends the payment request with this event id once more, as Kafka's at-least-once delivery may. */
    static void paymentRequestedAgain(String eventId, String orderId, String userId, String paymentMethod) {
        TestEvents.send(
                Topics.ORDER_EVENTS,
                orderId,
                OrderEvents.OrderPaymentRequested.TYPE,
                paymentRequest(orderId, userId, paymentMethod, null),
                eventId);
    }

    static void orderCancelled(String orderId, String userId) {
        TestEvents.send(
                Topics.ORDER_EVENTS,
                orderId,
                OrderEvents.OrderCancelled.TYPE,
                new OrderEvents.OrderCancelled(orderId, userId, "cancelled by the shopper"));
    }

    /** The first payment event of {@code type} for the order, waiting for it. */
    static JsonNode awaitPaymentEvent(String orderId, String type) {
        return JSON.readTree(
                TestEvents.await(Topics.PAYMENT_EVENTS, orderId, type).value());
    }

    /** Every payment event for the order that is there once {@code window} has passed. */
    static List<String> paymentEventTypes(String orderId, Duration window) {
        return TestEvents.types(TestEvents.recordsWithKeyAfter(Topics.PAYMENT_EVENTS, orderId, window));
    }

    private static OrderEvents.OrderPaymentRequested paymentRequest(
            String orderId, String userId, String paymentMethod, Instant payBefore) {
        return new OrderEvents.OrderPaymentRequested(
                orderId, userId, new Money(new BigDecimal("12.50"), "EUR"), paymentMethod, payBefore);
    }
}
