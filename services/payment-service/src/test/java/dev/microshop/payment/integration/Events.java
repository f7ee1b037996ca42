package dev.microshop.payment.integration;

import dev.microshop.contracts.events.Money;
import dev.microshop.contracts.events.OrderEvents;
import dev.microshop.contracts.events.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Order events as order-service sends them, and the payment events this service answers with, on the real broker. */
final class Events {

    private static final JsonMapper JSON = new JsonMapper();

    private final KafkaTemplate<String, byte[]> kafka;
    private final String bootstrapServers;

    Events(KafkaTemplate<String, byte[]> kafka, String bootstrapServers) {
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
    }

    static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    /** Sends {@code order.payment-requested} for 12.50 EUR; returns the event's id. */
    String paymentRequested(String orderId, String userId, String paymentMethod) {
        String eventId = UUID.randomUUID().toString();
        paymentRequested(eventId, orderId, userId, paymentMethod);
        return eventId;
    }

    void paymentRequested(String eventId, String orderId, String userId, String paymentMethod) {
        paymentRequested(eventId, orderId, userId, paymentMethod, null);
    }

    /** ... to be paid before {@code payBefore}, when order-service cancels the order. */
    void paymentRequested(String eventId, String orderId, String userId, String paymentMethod, Instant payBefore) {
        send(eventId, orderId, OrderEvents.OrderPaymentRequested.TYPE, new OrderEvents.OrderPaymentRequested(orderId,
                userId, new Money(new BigDecimal("12.50"), "EUR"), paymentMethod, payBefore));
    }

    void orderCancelled(String orderId, String userId) {
        send(UUID.randomUUID().toString(), orderId, OrderEvents.OrderCancelled.TYPE,
                new OrderEvents.OrderCancelled(orderId, userId, "cancelled by the shopper"));
    }

    void send(String eventId, String orderId, String type, Object data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(URI.create("/microshop/order-service"))
                .withType(type)
                .withSubject(orderId)
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build();
        sendRecord(KafkaMessageFactory.<String>createWriter(Topics.ORDER_EVENTS, orderId).writeBinary(event));
    }

    void sendRecord(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e);
        }
    }

    /** The first payment event of {@code type} for the order, waiting up to 30 s. */
    JsonNode awaitPaymentEvent(String orderId, String type) {
        List<ConsumerRecord<String, byte[]>> found = read(Topics.PAYMENT_EVENTS, orderId, type, 1, Duration.ofSeconds(30));
        if (found.isEmpty()) {
            throw new AssertionError("no " + type + " for order " + orderId + " within 30 s");
        }
        return JSON.readTree(found.getFirst().value());
    }

    /** Every payment event for the order that arrives within {@code window}. */
    List<String> paymentEventTypes(String orderId, Duration window) {
        return read(Topics.PAYMENT_EVENTS, orderId, null, Integer.MAX_VALUE, window).stream()
                .map(record -> header(record, "ce_type")).toList();
    }

    /** Records of the order on {@code topic} (any type when {@code type} is null), until {@code count} or the timeout. */
    List<ConsumerRecord<String, byte[]>> read(String topic, String key, String type, int count, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "payment-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key()) && (type == null || type.equals(header(record, "ce_type")))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
