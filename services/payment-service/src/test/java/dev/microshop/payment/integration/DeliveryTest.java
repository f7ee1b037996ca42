package dev.microshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.OrderEvents;
import dev.microshop.contracts.events.PaymentEvents;
import dev.microshop.contracts.events.Topics;
import dev.microshop.testsupport.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Kafka delivers at least once and sometimes junk: an order is still charged once, and junk is set aside. */
class DeliveryTest extends PaymentIntegrationTest {

    @Test
    void the_same_payment_request_delivered_twice_charges_once() {
        String orderId = Events.newOrderId();

        String eventId = Events.paymentRequested(orderId, "user-1", "pm-ok");
        Events.paymentRequestedAgain(eventId, orderId, "user-1", "pm-ok");

        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE);
        assertThat(Events.paymentEventTypes(orderId, Duration.ofSeconds(3))).containsExactly("payment.completed");
        assertThat(ProviderAdmin.ledger(orderId).get("entries")).hasSize(1);
    }

    @Test
    void a_second_payment_request_for_a_paid_order_charges_nothing_more() {
        String orderId = Events.newOrderId();
        Events.paymentRequested(orderId, "user-1", "pm-ok");
        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE);

        Events.paymentRequested(orderId, "user-1", "pm-ok");

        assertThat(Events.paymentEventTypes(orderId, Duration.ofSeconds(3))).containsExactly("payment.completed");
        assertThat(ProviderAdmin.ledger(orderId).get("entries")).hasSize(1);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_the_next_order_is_still_charged() {
        String poisonKey = "poison-" + UUID.randomUUID();
        TestEvents.sendRaw(Topics.ORDER_EVENTS, poisonKey, "{not a cloud event");
        String orderId = Events.newOrderId();

        Events.paymentRequested(orderId, "user-1", "pm-ok");

        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE);
        ConsumerRecord<String, byte[]> deadLetter =
                TestEvents.await(Topics.deadLetter(Topics.ORDER_EVENTS), poisonKey, null);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{not a cloud event");
    }

    @Test
    void a_payment_request_with_an_impossible_amount_goes_to_the_dead_letter_topic_uncharged() {
        String orderId = Events.newOrderId();

        TestEvents.send(
                Topics.ORDER_EVENTS,
                orderId,
                OrderEvents.OrderPaymentRequested.TYPE,
                Map.of(
                        "orderId",
                        orderId,
                        "userId",
                        "user-1",
                        "paymentMethod",
                        "pm-ok",
                        "amount",
                        Map.of("amount", "-5.00", "currency", "EUR")));

        ConsumerRecord<String, byte[]> deadLetter =
                TestEvents.await(Topics.deadLetter(Topics.ORDER_EVENTS), orderId, null);
        assertThat(TestEvents.header(deadLetter, "kafka_dlt-exception-message")).contains("must be positive");
        assertThat(ProviderAdmin.ledger(orderId).get("entries")).isEmpty();
    }
}
