package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code dlt} against a real Kafka broker in the test JVM, with records on {@code order-events.dlt} written the way
 * Spring Kafka's DeadLetterPublishingRecoverer writes them.
 */
class DeadLetterCommandTest {

    /** An instant as the list prints it: UTC, to the second. */
    private static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    private static EmbeddedKafkaKraftBroker kafka;

    @TempDir
    Path directory;

    private ByteArrayOutputStream output;

    @BeforeAll
    static void startKafka() {
        // Two partitions, as a topic with more than one has: the REFs come from where the records went.
        kafka = new EmbeddedKafkaKraftBroker(1, 2, "order-events", "order-events.dlt");
        // One broker: internal topics with one replica and one partition, as in test-support's TestKafka.
        kafka.brokerProperties(Map.of(
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "1"));
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopKafka() {
        kafka.destroy();
    }

    @Test
    void lists_the_dead_letters_and_replays_each_once_to_its_original_topic() throws Exception {
        ProducerRecord<String, byte[]> created =
                event("order.created", "order-1", "{\"orderId\":\"order-1\",\"items\":[]}");
        String createdRef = deadLetter(created, 7, "java.lang.IllegalStateException", "Order order-1 has no lines");
        ProducerRecord<String, byte[]> requested = event(
                "order.payment-requested",
                "order-2",
                "{\"orderId\":\"order-2\",\"amount\":{\"amount\":-5,\"currency\":\"EUR\"}}");
        String requestedRef =
                deadLetter(requested, 8, "java.lang.IllegalArgumentException", "amount must be positive:\n-5 EUR");

        assertThat(dlt()).isZero();
        assertThat(output())
                .startsWith("order-events.dlt: 2 records, 2 not replayed\n")
                .containsPattern("REF +ORIGINAL TOPIC +TYPE +KEY +DEAD-LETTERED +REPLAYED +ERROR")
                .containsPattern(row(
                        createdRef,
                        "order.created",
                        "order-1",
                        "no",
                        "IllegalStateException: Order order-1 has no lines"))
                .containsPattern(row(
                        requestedRef,
                        "order.payment-requested",
                        "order-2",
                        "no",
                        "IllegalArgumentException: amount must be positive: -5 EUR"));

        assertThat(dlt("replay", createdRef)).isZero();
        assertThat(output())
                .matches("replayed " + Pattern.quote(createdRef)
                        + " to order-events-[01]@0 \\(order.created, key order-1\\)\n1 record replayed.\n");
        List<ConsumerRecord<String, byte[]>> replayed = records("order-events");
        assertThat(replayed).hasSize(1);
        ConsumerRecord<String, byte[]> replay = replayed.getFirst();
        assertThat(replay.key()).isEqualTo("order-1");
        assertThat(replay.value()).isEqualTo(created.value());
        assertThat(headers(replay))
                .containsAllEntriesOf(headers(created.headers()))
                .containsEntry(DeadLetterTopics.REPLAYED_FROM, createdRef)
                .hasSize(headers(created.headers()).size() + 1);
        assertThat(replay.headers()).noneMatch(header -> header.key().startsWith("kafka_dlt-"));
        assertThat(cleanupPolicy(DeadLetterTopics.REPLAYS)).isEqualTo("compact");

        assertThat(dlt("list")).isZero();
        assertThat(output())
                .startsWith("order-events.dlt: 2 records, 1 not replayed\n")
                .containsPattern(row(createdRef, "order.created", "order-1", INSTANT, "IllegalStateException"))
                .containsPattern(row(requestedRef, "order.payment-requested", "order-2", "no", "Illegal"));

        assertThat(dlt("replay", createdRef)).isZero();
        assertThat(output())
                .startsWith(createdRef + " was replayed already, at ")
                .contains(" to order-events-")
                .endsWith("; --again replays it once more.\n0 records replayed.\n");
        assertThat(records("order-events")).hasSize(1);

        assertThat(dlt("replay", "--all")).isZero();
        assertThat(output())
                .startsWith("replayed " + requestedRef + " to order-events-")
                .doesNotContain(createdRef)
                .endsWith("1 record replayed; 1 replayed before.\n");
        assertThat(records("order-events"))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("order-1", "order-2");

        assertThat(dlt("replay", "--again", createdRef)).isZero();
        assertThat(output()).endsWith("1 record replayed.\n");
        assertThat(records("order-events")).hasSize(3);
        assertThat(dlt("list", "order-events")).isZero();
        assertThat(output()).startsWith("order-events.dlt: 2 records, 0 not replayed\n");

        assertThat(dlt("replay", "order-events/0/0")).isEqualTo(2);
        assertThat(output())
                .isEqualTo("microshop: 'order-events/0/0' is no REF: that is DLT-TOPIC/PARTITION/OFFSET,"
                        + " as ./microshop dlt list prints it, e.g. order-events.dlt/0/12\n");
        assertThat(dlt("replay", "order-events.dlt/0/99")).isEqualTo(2);
        assertThat(output())
                .isEqualTo("microshop: there is no record order-events.dlt/0/99"
                        + " (./microshop dlt list order-events.dlt shows them)\n");
        assertThat(dlt("replay", "user-events.dlt/0/0")).isEqualTo(2);
        assertThat(output())
                .isEqualTo("microshop: there is no dead-letter topic user-events.dlt"
                        + " (there are: order-events.dlt)\n");
    }

    @Test
    void says_so_when_kafka_does_not_answer() {
        long started = System.nanoTime();

        assertThat(launcher(Map.of("MICROSHOP_KAFKA_BOOTSTRAP", "127.0.0.1:1"), "dlt"))
                .isEqualTo(1);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(output()).startsWith("microshop: Kafka does not answer at 127.0.0.1:1 within 5 s: is microshop up");
    }

    @Test
    void explains_itself_and_refuses_what_it_does_not_know() {
        assertThat(dlt("help")).isZero();
        assertThat(output())
                .startsWith("usage: ./microshop dlt [list [TOPIC]] | replay REF [--again] | replay --all")
                .contains("replaying an event that was in fact handled changes nothing");

        for (List<String> wrong : List.of(
                List.of("replay"),
                List.of("replay", "--all", "--again"),
                List.of("list", "--all"),
                List.of("list", "a.dlt", "b.dlt"),
                List.of("purge"))) {
            assertThat(dlt(wrong.toArray(String[]::new))).as(wrong.toString()).isEqualTo(2);
            assertThat(output()).startsWith("microshop: usage: ./microshop dlt");
        }
    }

    /** An event as the outbox relay publishes it: a CloudEvent in binary mode, keyed by order id. */
    private static ProducerRecord<String, byte[]> event(String type, String orderId, String json) {
        ProducerRecord<String, byte[]> event =
                new ProducerRecord<>("order-events", orderId, json.getBytes(StandardCharsets.UTF_8));
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_source",
                        "/microshop/order-service",
                        "ce_type",
                        type,
                        "ce_subject",
                        orderId,
                        "ce_time",
                        Instant.now().toString(),
                        "content-type",
                        "application/json",
                        "traceparent",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .forEach((name, value) -> event.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return event;
    }

    /**
     * Writes the event to order-events.dlt as DeadLetterPublishingRecoverer does after the listener threw: the
     * original headers, then its own; the message is the listener adapter's, then the root cause's.
     */
    private static String deadLetter(
            ProducerRecord<String, byte[]> event, long originalOffset, String cause, String causeMessage)
            throws Exception {
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(
                "order-events.dlt",
                null,
                event.key(),
                event.value(),
                new RecordHeaders(event.headers().toArray()));
        String method = "public void dev.microshop.inventory.interfaces.messaging.OrderEventsListener.on("
                + "org.apache.kafka.clients.consumer.ConsumerRecord<java.lang.String, byte[]>)";
        Map<String, byte[]> recovererHeaders = new LinkedHashMap<>();
        recovererHeaders.put("kafka_dlt-original-topic", utf8("order-events"));
        recovererHeaders.put(
                "kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
        recovererHeaders.put(
                "kafka_dlt-original-offset",
                ByteBuffer.allocate(8).putLong(originalOffset).array());
        recovererHeaders.put(
                "kafka_dlt-original-timestamp",
                ByteBuffer.allocate(8)
                        .putLong(System.currentTimeMillis() - 4_000)
                        .array());
        recovererHeaders.put("kafka_dlt-original-timestamp-type", utf8("CreateTime"));
        recovererHeaders.put("kafka_dlt-original-consumer-group", utf8("inventory-service"));
        recovererHeaders.put(
                "kafka_dlt-exception-fqcn",
                utf8("org.springframework.kafka.listener.ListenerExecutionFailedException"));
        recovererHeaders.put("kafka_dlt-exception-cause-fqcn", utf8(cause));
        recovererHeaders.put(
                "kafka_dlt-exception-message",
                utf8("Listener method '" + method
                        + "' threw exception\nEndpoint handler details:\nMethod [" + method + "]\nBean ["
                        + "dev.microshop.inventory.interfaces.messaging.OrderEventsListener@6d4a82]; " + causeMessage));
        recovererHeaders.put(
                "kafka_dlt-exception-stacktrace",
                utf8(
                        "org.springframework.kafka.listener.ListenerExecutionFailedException: Listener method ...\n\tat ..."
                                + "\nCaused by: " + cause + ": " + causeMessage + "\n\tat ..."));
        recovererHeaders.forEach(deadLetter.headers()::add);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            RecordMetadata sent = producer.send(deadLetter).get();
            return sent.topic() + "/" + sent.partition() + "/" + sent.offset();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A row of the list's table; {@code replayed} is a pattern. */
    private static String row(String ref, String type, String key, String replayed, String error) {
        return Pattern.quote(ref) + " +order-events +" + Pattern.quote(type) + " +" + Pattern.quote(key) + " +"
                + INSTANT + " +" + replayed + " +" + Pattern.quote(error);
    }

    /** Every record on the topic now, read without a consumer group. */
    private static List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getBrokersAsString(),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                50,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return headers(record.headers());
    }

    private static Map<String, String> headers(Iterable<Header> headers) {
        Map<String, String> byName = new LinkedHashMap<>();
        headers.forEach(header -> byName.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        return byName;
    }

    private static String cleanupPolicy(String topic) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource))
                    .all()
                    .get()
                    .get(resource)
                    .get("cleanup.policy")
                    .value();
        }
    }

    private int dlt(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "dlt";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return launcher(Map.of("MICROSHOP_KAFKA_BOOTSTRAP", kafka.getBrokersAsString()), command);
    }

    private int launcher(Map<String, String> environment, String... arguments) {
        output = new ByteArrayOutputStream();
        return new Launcher(new Home(directory), environment, new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(arguments);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
