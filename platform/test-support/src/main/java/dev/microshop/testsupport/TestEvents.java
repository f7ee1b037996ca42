package dev.microshop.testsupport;

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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events on the test JVM's Kafka ({@link EmbeddedEngines}), as the services send them: CloudEvents in binary mode
 * with JSON data, keyed by what they are about. Sends what another service would send, and reads what the service
 * under test sent.
 */
public final class TestEvents {

    /** How long {@link #await} waits for a record, and {@link #recordsWithKey} for the end of a topic. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final URI SOURCE = URI.create("/microshop/tests");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(250);

    private static KafkaProducer<String, byte[]> producer;

    private TestEvents() {}

    /** Sends a new event of {@code type} about {@code key} (subject and record key), data as JSON; returns its id. */
    public static String send(String topic, String key, String type, Object data) {
        return send(topic, key, type, data, UUID.randomUUID().toString());
    }

    /** Sends the event with this id, e.g. once more, as Kafka's at-least-once delivery may; returns the id. */
    public static String send(String topic, String key, String type, Object data, String id) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(SOURCE)
                .withType(type)
                .withSubject(key)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build();
        send(KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event));
        return id;
    }

    /** Sends a record that is no CloudEvent at all: {@code value} as its text, no headers (a poison record). */
    public static void sendRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The first record with {@code key} and, unless it is null, of {@code type} on {@code topic}, waiting for it. */
    public static ConsumerRecord<String, byte[]> await(String topic, String key, String type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (key.equals(record.key()) && (type == null || type.equals(header(record, "ce_type")))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No " + (type == null ? "record" : type) + " with key " + key + " on " + topic
                + " within " + PATIENCE.toSeconds() + " s");
    }

    /** Every record with {@code key} on {@code topic} so far: read from the beginning to the current end. */
    public static List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "Could not read " + topic + " to its end within " + PATIENCE.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** Every record with {@code key} on {@code topic} once {@code wait} has passed: to see that nothing more comes. */
    public static List<ConsumerRecord<String, byte[]>> recordsWithKeyAfter(String topic, String key, Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to read " + topic, e);
        }
        return recordsWithKey(topic, key);
    }

    /** The value of a record's header as text, or null when it has none of that name. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The CloudEvents type of each record, in order. */
    public static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> header(record, "ce_type")).toList();
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + record.topic(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e);
        }
    }

    /** One producer for the JVM, like the broker it sends to; its thread is a daemon and ends with the JVM. */
    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                    new StringSerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }

    private static String bootstrapServers() {
        return EmbeddedEngines.get().kafka().bootstrapServers();
    }
}
