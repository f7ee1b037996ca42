package dev.microshop.inventory.integration;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Plays order-service on the real broker: sends order events as CloudEvents and reads what inventory answers. */
final class EventTraffic {

    private static final URI ORDER_SERVICE = URI.create("/microshop/order-service");

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final String bootstrapServers;

    EventTraffic(KafkaTemplate<String, byte[]> kafka, JsonMapper json, String bootstrapServers) {
        this.kafka = kafka;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends a new event about {@code orderId} on order-events; returns its id. */
    String send(String type, String orderId, Object data) {
        String id = UUID.randomUUID().toString();
        send(id, type, orderId, data);
        return id;
    }

    /** Sends an event with a given id, e.g. to deliver the same event again. */
    void send(String id, String type, String orderId, Object data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(ORDER_SERVICE)
                .withType(type)
                .withSubject(orderId)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(data))
                .build();
        sendRecord(KafkaMessageFactory.<String>createWriter("order-events", orderId).writeBinary(event));
    }

    void sendRecord(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /** Waits up to 30 s for a record of {@code type} (any type if null) with {@code key} on {@code topic}. */
    ConsumerRecord<String, byte[]> await(String topic, String key, String type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key()) && (type == null || type.equals(header(record, "ce_type")))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " record for " + key + " on " + topic + " within 30 s");
    }

    /** Every record with {@code key} on {@code topic} so far: read from the beginning to the current end. */
    List<ConsumerRecord<String, byte[]>> all(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "inventory-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
