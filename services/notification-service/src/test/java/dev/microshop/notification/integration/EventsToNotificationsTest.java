package dev.microshop.notification.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.Money;
import dev.microshop.contracts.events.OrderEvents.OrderCancelled;
import dev.microshop.contracts.events.OrderEvents.OrderConfirmed;
import dev.microshop.contracts.events.OrderEvents.OrderCreated;
import dev.microshop.contracts.events.OrderEvents.OrderPaymentRequested;
import dev.microshop.contracts.events.OrderEvents.OrderShipped;
import dev.microshop.contracts.events.OrderEvents.OrderedItem;
import dev.microshop.contracts.events.Topics;
import dev.microshop.contracts.events.UserEvents.UserLoggedIn;
import dev.microshop.contracts.events.UserEvents.UserRegistered;
import dev.microshop.testsupport.TestEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Events from the real broker become notifications, once each; what cannot become one is parked or ignored. */
@NotificationServiceIntegrationTest
class EventsToNotificationsTest {

    static final Money TOTAL = new Money(new BigDecimal("25.00"), "EUR");

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void a_sign_up_becomes_a_welcome() {
        String userId = newId();

        TestEvents.send(
                Topics.USER_EVENTS,
                userId,
                UserRegistered.TYPE,
                new UserRegistered(userId, "anna@example.com", "Anna", Instant.now()));

        Map<String, Object> welcome = api.awaitNotifications(userId, 1).getFirst();
        assertThat(welcome)
                .containsEntry("kind", "WELCOME")
                .containsEntry("userId", userId)
                .containsEntry("title", "Welcome to microshop")
                .containsEntry("read", false);
        assertThat((String) welcome.get("message")).startsWith("Hello Anna, your account is ready.");
    }

    @Test
    void a_confirmed_order_and_a_cancelled_one_each_tell_the_shopper_newest_first() {
        String userId = newId();
        String paidOrder = newId();
        String declinedOrder = newId();

        TestEvents.send(
                Topics.ORDER_EVENTS, paidOrder, OrderConfirmed.TYPE, new OrderConfirmed(paidOrder, userId, TOTAL));
        api.awaitNotifications(userId, 1);
        TestEvents.send(
                Topics.ORDER_EVENTS,
                declinedOrder,
                OrderCancelled.TYPE,
                new OrderCancelled(declinedOrder, userId, "payment declined"));

        List<Map<String, Object>> notifications = api.awaitNotifications(userId, 2);
        assertThat(notifications.get(0))
                .containsEntry("kind", "ORDER_CANCELLED")
                .containsEntry("reference", declinedOrder);
        assertThat((String) notifications.get(0).get("message")).contains("payment declined");
        assertThat(notifications.get(1))
                .containsEntry("kind", "ORDER_CONFIRMED")
                .containsEntry("reference", paidOrder)
                .containsEntry("message", "Your order " + paidOrder + " is confirmed and paid: 25.00 EUR.");
    }

    @Test
    void every_status_change_of_an_order_reaches_the_shopper_reserved_confirmed_and_shipped() {
        String userId = newId();
        String orderId = newId();

        TestEvents.send(
                Topics.ORDER_EVENTS,
                orderId,
                OrderPaymentRequested.TYPE,
                new OrderPaymentRequested(
                        orderId, userId, TOTAL, "pm-ok", Instant.now().plusSeconds(30)));
        TestEvents.send(Topics.ORDER_EVENTS, orderId, OrderConfirmed.TYPE, new OrderConfirmed(orderId, userId, TOTAL));
        TestEvents.send(
                Topics.ORDER_EVENTS, orderId, OrderShipped.TYPE, new OrderShipped(orderId, userId, Instant.now()));

        List<Map<String, Object>> notifications = api.awaitNotifications(userId, 3);
        assertThat(notifications)
                .extracting(notification -> notification.get("kind"))
                .containsExactly("ORDER_SHIPPED", "ORDER_CONFIRMED", "ORDER_RESERVED");
        assertThat(notifications).allSatisfy(n -> assertThat(n).containsEntry("reference", orderId));
        assertThat(notifications.get(2))
                .containsEntry("title", "Order reserved")
                .containsEntry(
                        "message", "Your order " + orderId + " is reserved; its payment of 25.00 EUR is being taken.");
        assertThat(notifications.get(0)).containsEntry("title", "Order shipped");
    }

    @Test
    void a_payment_request_without_an_amount_is_dead_lettered_and_tells_nobody() {
        String userId = newId();
        String orderId = newId();

        TestEvents.send(
                Topics.ORDER_EVENTS,
                orderId,
                OrderPaymentRequested.TYPE,
                Map.of("orderId", orderId, "userId", userId, "paymentMethod", "pm-ok"));
        TestEvents.send(Topics.ORDER_EVENTS, orderId, OrderConfirmed.TYPE, new OrderConfirmed(orderId, userId, TOTAL));

        api.awaitNotifications(userId, 1);
        assertThat(api.notificationsOf(userId))
                .extracting(notification -> notification.get("kind"))
                .containsExactly("ORDER_CONFIRMED");
        assertThat(TestEvents.recordsWithKey(Topics.deadLetter(Topics.ORDER_EVENTS), orderId))
                .hasSize(1);
    }

    @Test
    void the_same_event_delivered_twice_makes_one_notification() {
        String userId = newId();
        String orderId = newId();
        String eventId = UUID.randomUUID().toString();
        OrderConfirmed confirmed = new OrderConfirmed(orderId, userId, TOTAL);

        TestEvents.send(Topics.ORDER_EVENTS, orderId, OrderConfirmed.TYPE, confirmed, eventId);
        TestEvents.send(Topics.ORDER_EVENTS, orderId, OrderConfirmed.TYPE, confirmed, eventId);
        // Same key, so handled after both copies: once it shows, the copies are done with.
        TestEvents.send(Topics.ORDER_EVENTS, orderId, OrderCancelled.TYPE, new OrderCancelled(orderId, userId, "late"));

        api.awaitNotifications(userId, 2);
        assertThat(api.notificationsOf(userId))
                .extracting(notification -> notification.get("kind"))
                .containsExactly("ORDER_CANCELLED", "ORDER_CONFIRMED");
    }

    @Test
    void events_that_are_no_news_to_the_shopper_are_ignored() {
        String userId = newId();
        String orderId = newId();

        TestEvents.send(Topics.USER_EVENTS, userId, UserLoggedIn.TYPE, new UserLoggedIn(userId, Instant.now()));
        TestEvents.send(
                Topics.ORDER_EVENTS,
                orderId,
                OrderCreated.TYPE,
                new OrderCreated(orderId, userId, List.of(new OrderedItem(newId(), 1, TOTAL)), TOTAL, Instant.now()));
        TestEvents.send(
                Topics.ORDER_EVENTS, orderId, "order.gift-wrapped", Map.of("orderId", orderId, "userId", userId));
        TestEvents.send(Topics.ORDER_EVENTS, orderId, OrderConfirmed.TYPE, new OrderConfirmed(orderId, userId, TOTAL));

        api.awaitNotifications(userId, 1);
        assertThat(api.notificationsOf(userId))
                .extracting(notification -> notification.get("kind"))
                .containsExactly("ORDER_CONFIRMED");
        assertThat(TestEvents.recordsWithKey(Topics.deadLetter(Topics.ORDER_EVENTS), orderId))
                .isEmpty();
    }

    @Test
    void a_record_that_is_no_cloud_event_goes_to_the_dead_letter_topic_once_and_the_consumer_goes_on() {
        String userId = newId();
        String orderId = newId();

        TestEvents.sendRaw(Topics.ORDER_EVENTS, orderId, "{not a cloud event");
        TestEvents.send(Topics.ORDER_EVENTS, orderId, OrderConfirmed.TYPE, new OrderConfirmed(orderId, userId, TOTAL));

        api.awaitNotifications(userId, 1);
        List<ConsumerRecord<String, byte[]>> parked =
                TestEvents.recordsWithKey(Topics.deadLetter(Topics.ORDER_EVENTS), orderId);
        assertThat(parked).hasSize(1);
        assertThat(new String(parked.getFirst().value(), StandardCharsets.UTF_8))
                .isEqualTo("{not a cloud event");
    }

    @Test
    void an_event_whose_facts_cannot_make_a_notification_is_parked_and_the_consumer_goes_on() {
        String userId = newId();
        String orderId = newId();

        String withoutUser = TestEvents.send(
                Topics.ORDER_EVENTS, orderId, OrderCancelled.TYPE, new OrderCancelled(orderId, null, "no stock"));
        TestEvents.send(Topics.ORDER_EVENTS, orderId, OrderConfirmed.TYPE, List.of(1, 2, 3));
        TestEvents.send(Topics.ORDER_EVENTS, orderId, OrderConfirmed.TYPE, new OrderConfirmed(orderId, userId, TOTAL));

        api.awaitNotifications(userId, 1);
        List<ConsumerRecord<String, byte[]>> parked =
                TestEvents.recordsWithKey(Topics.deadLetter(Topics.ORDER_EVENTS), orderId);
        assertThat(parked).hasSize(2);
        assertThat(new String(parked.getFirst().headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(withoutUser);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
