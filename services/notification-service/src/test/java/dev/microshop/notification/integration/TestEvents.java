package dev.microshop.notification.integration;

import io.cloudevents.CloudEvent;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Publishes events the way the other services do (CloudEvents, binary mode) and reads the dead-letter topics. */
final class TestEvents {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final String bootstrapServers;

    TestEvents(KafkaTemplate<String, byte[]> kafka, JsonMapper json, String bootstrapServers) {
        this.kafka = kafka;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
    }

    /** Publishes a new event and returns its id. */
    String publish(String topic, String key, String type, Object data) {
        String id = UUID.randomUUID().toString();
        publish(id, topic, key, type, json.writeValueAsBytes(data));
        return id;
    }

    /** Publishes an event with a given id, e.g. once more, as Kafka's at-least-once delivery may. */
    void publish(String id, String topic, String key, String type, byte[] data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/microshop/test"))
                .withType(type)
                .withSubject(key)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
        send(KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event));
    }

    /** Publishes a record that is no CloudEvent at all. */
    void publishGarbage(String topic, String key, String text) {
        send(new ProducerRecord<>(topic, key, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every record with {@code key} on {@code topic} so far, read from the start to the current end. */
    List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Eventually.PATIENCE);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }
}
