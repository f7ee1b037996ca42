package dev.microshop.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka side of {@code dlt}: the {@code *.dlt} topics that Spring Kafka's DeadLetterPublishingRecoverer
 * writes, their records, putting one back on its original topic, and the replays recorded in the compacted
 * topic {@value #REPLAYS}. Reading uses no consumer group (assign and seek), so it commits nothing.
 */
final class DeadLetterTopics implements AutoCloseable {

    static final String SUFFIX = ".dlt";
    static final String REPLAYS = "microshop.dlt-replays";
    static final String REPLAYED_FROM = "microshop-replayed-from";
    /** Every header the recoverer adds starts so (Spring Kafka's KafkaHeaders.DLT_*). */
    static final String RECOVERER_HEADERS = "kafka_dlt-";

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    static final Duration ANSWER_TIME = Duration.ofSeconds(5);
    private static final Duration READ_TIME = Duration.ofSeconds(20);
    private static final Duration POLL_TIME = Duration.ofMillis(200);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One record of a dead-letter topic; its ref ({@code topic/partition/offset}) names it for replay. */
    record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

        String ref() {
            return record.topic() + "/" + record.partition() + "/" + record.offset();
        }

        String originalTopic() {
            return header(ORIGINAL_TOPIC)
                    .orElse(record.topic().substring(0, record.topic().length() - SUFFIX.length()));
        }

        Optional<String> key() {
            return Optional.ofNullable(record.key()).map(key -> new String(key, StandardCharsets.UTF_8));
        }

        /** The recoverer produces without a timestamp of its own: the record's is when it was dead-lettered. */
        Instant deadLetteredAt() {
            return Instant.ofEpochMilli(record.timestamp());
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(record.headers().lastHeader(name))
                    .map(header -> new String(header.value(), StandardCharsets.UTF_8));
        }
    }

    /** {@code to} is where the replay went, as {@code topic-partition@offset}. */
    record Replay(Instant replayedAt, String to) {}

    private final String bootstrapServers;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Set<String> topics;
    private KafkaProducer<byte[], byte[]> producer;

    private DeadLetterTopics(
            String bootstrapServers, Admin admin, KafkaConsumer<byte[], byte[]> consumer, Set<String> topics) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.consumer = consumer;
        this.topics = topics;
    }

    /** Connects and lists the topics; a Kafka that does not answer within {@link #ANSWER_TIME} is an error. */
    static DeadLetterTopics connect(String bootstrapServers) throws InterruptedException {
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_TIME.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ANSWER_TIME.toMillis()));
        Set<String> topics;
        try {
            topics = new HashSet<>(admin.listTopics(new ListTopicsOptions().timeoutMs((int) ANSWER_TIME.toMillis()))
                    .names()
                    .get());
        } catch (ExecutionException e) {
            admin.close(Duration.ZERO);
            throw new IllegalStateException(
                    e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
                            ? "Kafka does not answer at " + bootstrapServers + " within " + ANSWER_TIME.toSeconds()
                                    + " s: is microshop up (./microshop status)?"
                                    + " Another Kafka: MICROSHOP_KAFKA_BOOTSTRAP=HOST:PORT"
                            : "Kafka at " + bootstrapServers + " did not list its topics: "
                                    + e.getCause().getMessage());
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) ANSWER_TIME.toMillis(),
                // A partition read to its end would hold each fetch for the default 500 ms.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                50,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        return new DeadLetterTopics(bootstrapServers, admin, consumer, topics);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    List<String> deadLetterTopics() {
        return topics.stream().filter(topic -> topic.endsWith(SUFFIX)).sorted().toList();
    }

    List<DeadLetter> deadLetters(String topic) {
        return readAll(topic).stream().map(DeadLetter::new).toList();
    }

    /** The replays recorded so far, by ref; the last one of a ref counts, and a tombstone forgets it. */
    Map<String, Replay> replays() {
        Map<String, Replay> replays = new LinkedHashMap<>();
        if (topics.contains(REPLAYS)) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(REPLAYS)) {
                String ref = new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                    replays.remove(ref);
                    continue;
                }
                JsonNode replay = JSON.readTree(record.value());
                replays.put(
                        ref,
                        new Replay(
                                Instant.parse(replay.path("replayedAt").asString()),
                                replay.path("to").asString()));
            }
        }
        return replays;
    }

    /**
     * Produces the dead letter's key, value and headers to its original topic, without the recoverer's headers,
     * and records the replay. A replay that fails again is dead-lettered again with its own ref: that one
     * replaces the replayed-from header it came with.
     */
    Replay replay(DeadLetter deadLetter) throws InterruptedException {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.record().headers()) {
            if (!header.key().startsWith(RECOVERER_HEADERS) && !header.key().equals(REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, deadLetter.ref().getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent = send(new ProducerRecord<>(
                deadLetter.originalTopic(),
                null,
                deadLetter.record().key(),
                deadLetter.record().value(),
                headers));
        Replay replay = new Replay(Instant.now(), sent.topic() + "-" + sent.partition() + "@" + sent.offset());
        // Recorded after the replay was acknowledged: should this fail, a second replay is harmless (ce_id).
        createReplaysTopicIfMissing();
        send(new ProducerRecord<>(
                REPLAYS,
                deadLetter.ref().getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsBytes(JSON.createObjectNode()
                        .put("replayedAt", replay.replayedAt().toString())
                        .put("to", replay.to()))));
        return replay;
    }

    /** Every record of the topic up to its end as it is now: what arrives while reading waits for the next run. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, ANSWER_TIME).stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, ANSWER_TIME);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ_TIME.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within "
                        + READ_TIME.toSeconds() + " s (Kafka at " + bootstrapServers + ")");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIME)) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        records.sort(Comparator.comparingInt(ConsumerRecord<byte[], byte[]>::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private void createReplaysTopicIfMissing() throws InterruptedException {
        if (topics.contains(REPLAYS)) {
            return;
        }
        NewTopic replays = new NewTopic(REPLAYS, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(replays)).all().get(ANSWER_TIME.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "could not create " + REPLAYS + ": " + e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not create " + REPLAYS + " within "
                    + ANSWER_TIME.toSeconds() + " s");
        }
        topics.add(REPLAYS);
    }

    /** Sends and waits until every in-sync replica has the record. */
    private RecordMetadata send(ProducerRecord<byte[], byte[]> record) throws InterruptedException {
        Future<RecordMetadata> sent = producer().send(record);
        try {
            return sent.get(2 * ANSWER_TIME.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + record.topic() + ": "
                    + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not acknowledge a record on "
                    + record.topic() + " within " + 2 * ANSWER_TIME.toSeconds() + " s");
        }
    }

    /** Created on the first replay only: listing produces nothing. */
    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    (int) ANSWER_TIME.toMillis(),
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    (int) ANSWER_TIME.toMillis(),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    (int) (2 * ANSWER_TIME.toMillis()),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class));
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(ANSWER_TIME);
        }
        consumer.close();
        admin.close(ANSWER_TIME);
    }
}
