package dev.microshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.platform.messaging.IdempotentConsumer;
import dev.microshop.platform.messaging.IncomingEvent;
import dev.microshop.platform.messaging.Outbox;
import dev.microshop.platform.messaging.OutboxRelay;
import dev.microshop.platform.messaging.OutgoingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The service starter's messaging against the real broker and database: outbox, relay, idempotency, dead letters. */
// Two retries for an unexpected failure (instead of 5), so that dead-lettering one takes 1.5 s, not 15.
@MicroshopIntegrationTest(
        properties = {"microshop.messaging.outbox.poll-millis=60000", "microshop.messaging.listener.retries=2"})
class MessagingTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    IdempotentConsumer idempotentConsumer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tracer tracer;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    BlockingQueue<IncomingEvent> handledCloudEvents;

    @Autowired
    BlockingQueue<String> handledGatedKeys;

    @Autowired
    MeterRegistry meters;

    @Test
    void publishes_a_committed_event_as_a_cloud_event_that_continues_the_appending_trace() {
        String topic = uniqueTopic();
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            transactions.executeWithoutResult(status -> outbox.append(
                    new OutgoingEvent(topic, "order-1", "order.created", "order-1", Map.of("orderId", "order-1"))));
        } finally {
            request.end();
        }

        ConsumerRecord<String, byte[]> record = TestEvents.await(topic, "order-1", null);

        assertThat(record.key()).isEqualTo("order-1");
        assertThat(TestEvents.header(record, "ce_type")).isEqualTo("order.created");
        assertThat(TestEvents.header(record, "ce_source")).isEqualTo("/microshop/sample-service");
        assertThat(TestEvents.header(record, "ce_id")).isNotBlank();
        assertThat(TestEvents.header(record, "traceparent"))
                .contains(request.context().traceId());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"order-1\"}");
        assertThat(IncomingEvent.from(record).dataAs(Map.class)).containsEntry("orderId", "order-1");
    }

    @Test
    void never_publishes_the_event_of_a_rolled_back_change() {
        String topic = uniqueTopic();
        transactions.executeWithoutResult(status -> {
            outbox.append(new OutgoingEvent(topic, "k", "order.created", "rolled-back", Map.of("n", 1)));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(
                status -> outbox.append(new OutgoingEvent(topic, "k", "order.created", "committed", Map.of("n", 2))));

        TestEvents.await(topic, "k", null);
        List<ConsumerRecord<String, byte[]>> records = TestEvents.recordsWithKey(topic, "k");
        assertThat(records)
                .extracting(record -> TestEvents.header(record, "ce_subject"))
                .containsExactly("committed");
        assertThat(TestEvents.recordsWithKeyAfter(topic, "k", Duration.ofSeconds(3)))
                .hasSize(1);
    }

    @Test
    void publishes_events_committed_while_the_relay_was_not_running_in_their_order_for_each_key() {
        String topic = uniqueTopic();
        // Rows as a process that died right after its commits would have left them: more than one relay batch, the
        // keys interleaved.
        List<String> keys = List.of("k-0", "k-1", "k-2");
        int perKey = 90;
        for (int n = 1; n <= perKey; n++) {
            for (String key : keys) {
                insertPending(topic, key, "event-" + n, "{}".getBytes(StandardCharsets.UTF_8));
            }
        }

        // A round already running (the relay's own start) may hold the lock and have read its batch before the
        // inserts: ask again until the outbox is empty.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.relay();
            return unpublished(topic) == 0;
        });

        List<String> inOrder =
                IntStream.rangeClosed(1, perKey).mapToObj(n -> "event-" + n).toList();
        for (String key : keys) {
            List<ConsumerRecord<String, byte[]>> published = Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> TestEvents.recordsWithKey(topic, key), records -> records.size() >= perKey);
            assertThat(published)
                    .extracting(record -> TestEvents.header(record, "ce_subject"))
                    .containsExactlyElementsOf(inOrder);
        }
    }

    @Test
    void marks_nothing_after_the_first_event_kafka_refused_so_no_event_overtakes_it() {
        String topic = uniqueTopic();
        byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
        // Above the producer's max.request.size (1 MB): Kafka refuses the second event, whatever the broker does.
        byte[] tooLarge = new byte[2 * 1024 * 1024];
        UUID first = insertPending(topic, "k", "event-1", small);
        UUID refused = insertPending(topic, "k", "event-2", tooLarge);
        UUID after = insertPending(topic, "k", "event-3", small);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                relay.relay();
                return isPublished(first);
            });
            relay.relay();

            assertThat(isPublished(refused)).isFalse();
            assertThat(isPublished(after)).isFalse();
        } finally {
            // The refused event would stop every later round of this test JVM's shared outbox.
            jdbc.sql("DELETE FROM outbox_events WHERE topic = ?").param(topic).update();
        }
    }

    private UUID insertPending(String topic, String key, String subject, byte[] payload) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO outbox_events (id, topic, event_key, type, subject, payload, created_at)
                VALUES (?, ?, ?, 'order.created', ?, ?, now())""").params(id, topic, key, subject, payload).update();
        return id;
    }

    private long unpublished(String topic) {
        return jdbc.sql("SELECT count(*) FROM outbox_events WHERE topic = ? AND published_at IS NULL")
                .param(topic)
                .query(Long.class)
                .single();
    }

    private boolean isPublished(UUID id) {
        return jdbc.sql("SELECT published_at IS NOT NULL FROM outbox_events WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    @Test
    void handles_a_redelivered_event_once() {
        IncomingEvent event =
                new IncomingEvent(UUID.randomUUID().toString(), "order.created", "/test", "s", null, new byte[0]);
        AtomicInteger effects = new AtomicInteger();

        idempotentConsumer.handleOnce("sample-service", event, effects::incrementAndGet);
        idempotentConsumer.handleOnce("sample-service", event, effects::incrementAndGet);
        idempotentConsumer.handleOnce("another-service", event, effects::incrementAndGet);

        assertThat(effects).hasValue(2);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_the_consumer_goes_on() throws Exception {
        TestEvents.sendRaw(SampleServiceApplication.CLOUD_EVENTS_TOPIC, "k", "not a cloud event");
        String topic = SampleServiceApplication.CLOUD_EVENTS_TOPIC;
        transactions.executeWithoutResult(status ->
                outbox.append(new OutgoingEvent(topic, "k", "sample.happened", "after-poison", Map.of("n", 1))));

        IncomingEvent handled = handledCloudEvents.poll(30, TimeUnit.SECONDS);
        assertThat(handled).isNotNull();
        assertThat(handled.subject()).isEqualTo("after-poison");
        ConsumerRecord<String, byte[]> deadLetter = TestEvents.await(topic + ".dlt", "k", null);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
        assertThat(TestEvents.header(deadLetter, "kafka_dlt-exception-message")).contains("not a CloudEvent");
    }

    @Test
    void a_record_the_database_refuses_for_now_is_retried_until_it_goes_through_while_other_partitions_go_on()
            throws Exception {
        String blocked = "blocked-" + UUID.randomUUID();
        String free = "free-" + UUID.randomUUID();
        jdbc.sql("CREATE TABLE IF NOT EXISTS sample_gates (name VARCHAR(100) PRIMARY KEY, handled INT NOT NULL)")
                .update();
        jdbc.sql("INSERT INTO sample_gates VALUES (?, 0), (?, 0)")
                .params(blocked, free)
                .update();
        double retriedBefore = retriedCount("handled");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService holder = Executors.newSingleThreadExecutor()) {
            Future<?> lock = holder.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT handled FROM sample_gates WHERE name = ? FOR UPDATE")
                        .param(blocked)
                        .query(Integer.class)
                        .single();
                locked.countDown();
                await(release);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            String topic = SampleServiceApplication.GATED_TOPIC;
            kafka.send(new ProducerRecord<>(topic, 0, blocked, new byte[0])).get(10, TimeUnit.SECONDS);
            kafka.send(new ProducerRecord<>(topic, 1, free, new byte[0])).get(10, TimeUnit.SECONDS);

            assertThat(handledGatedKeys.poll(20, TimeUnit.SECONDS))
                    .as("the other partition's record")
                    .isEqualTo(free);
            // Longer than this context's whole budget for an unexpected failure (2 retries, 1.5 s).
            Thread.sleep(6_000);
            assertThat(meters.get("microshop.messaging.listener.retrying")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(1);
            assertThat(meters.get("microshop.messaging.listener.retrying.longest")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(5);
            release.countDown();
            lock.get(10, TimeUnit.SECONDS);
        }

        assertThat(handledGatedKeys.poll(30, TimeUnit.SECONDS))
                .as("the retried record")
                .isEqualTo(blocked);
        assertThat(jdbc.sql("SELECT handled FROM sample_gates WHERE name = ?")
                        .param(blocked)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(TestEvents.recordsWithKeyAfter(
                        SampleServiceApplication.GATED_TOPIC + ".dlt", blocked, Duration.ofSeconds(2)))
                .extracting(ConsumerRecord::key)
                .doesNotContain(blocked);
        assertThat(retriedCount("handled")).isGreaterThan(retriedBefore);
    }

    @Test
    void a_record_a_bug_fails_on_is_tried_a_few_times_then_dead_lettered_and_counted() throws Exception {
        String topic = SampleServiceApplication.GATED_TOPIC;
        kafka.send(new ProducerRecord<>(topic, 1, SampleServiceApplication.BUG, new byte[0]))
                .get(10, TimeUnit.SECONDS);

        TestEvents.await(topic + ".dlt", SampleServiceApplication.BUG, null);
        List<ConsumerRecord<String, byte[]>> deadLetters =
                TestEvents.recordsWithKey(topic + ".dlt", SampleServiceApplication.BUG);

        assertThat(deadLetters).extracting(ConsumerRecord::key).contains(SampleServiceApplication.BUG);
        assertThat(TestEvents.header(deadLetters.getFirst(), "kafka_dlt-exception-message"))
                .contains("a bug in the handler");
        assertThat(meters.get("microshop.messaging.dead.lettered")
                        .tag("topic", topic)
                        .tag("failure", "unexpected")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    private double retriedCount(String outcome) {
        var timer = meters.find("microshop.messaging.listener.retried")
                .tag("outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String uniqueTopic() {
        return "messaging-test-" + UUID.randomUUID();
    }
}
