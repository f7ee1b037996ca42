package dev.microshop.order.integration;

import dev.microshop.contracts.events.Topics;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** What inventory-service and payment-service would send, on the real broker; and what order-service sent. */
final class SagaEvents implements AutoCloseable {

    private final String bootstrapServers;
    private final JsonMapper json = JsonMapper.builder().build();
    private final KafkaProducer<String, byte[]> producer;

    SagaEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends a CloudEvent keyed by order id; returns its id, so the very same event can be sent again. */
    String send(String topic, String orderId, String type, Object data) {
        return send(topic, orderId, type, data, UUID.randomUUID().toString());
    }

    String send(String topic, String orderId, String type, Object data, String eventId) {
        var event = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(URI.create("/microshop/tests"))
                .withType(type)
                .withSubject(orderId)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(data))
                .build();
        sendRecord(KafkaMessageFactory.<String>createWriter(topic, orderId).writeBinary(event));
        return eventId;
    }

    void sendRecord(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e);
        }
    }

    /** Every order event about {@code orderId} sent so far, waiting up to {@code wait} for one of {@code type}. */
    List<ConsumerRecord<String, byte[]>> orderEvents(String orderId, String type, Duration wait) {
        return records(Topics.ORDER_EVENTS, orderId, type, wait);
    }

    List<ConsumerRecord<String, byte[]>> records(String topic, String key, String awaitedType, Duration wait) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "order-tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(wait);
            boolean seen = false;
            while (Instant.now().isBefore(deadline) && !(seen && consumer.assignment().size() > 0
                    && caughtUp(consumer))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                        seen |= awaitedType == null || awaitedType.equals(header(record, "ce_type"));
                    }
                }
            }
        }
        return found;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer) {
        var ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> header(record, "ce_type")).toList();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
