package dev.microshop.platform.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox events to Kafka in the order they were written, as CloudEvents in binary
 * mode whose {@code ce_id} is the outbox row's id (so a re-publication after a crash is recognisably
 * the same event). Runs right after each commit that appended events and, as a safety net, every
 * {@code pollMillis}; a PostgreSQL advisory lock lets one instance of a service relay at a time. A round hands a
 * whole batch to the idempotent producer, which keeps each partition's order, waits for the acknowledgements and marks
 * the events up to the first failure published with one statement, so later events never overtake an earlier one.
 * Every few seconds it also measures the backlog: how many events wait and how old the oldest is (the outbox's lag).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x6d6963726f73686fL; // "microsho"
    private static final int BATCH = 200;
    private static final long BACKLOG_SAMPLE_SECONDS = 5;

    /** Events waiting, and the age in seconds of the oldest one; NaN until measured, or while the database is away. */
    private record Backlog(double events, double oldestSeconds) {
        static final Backlog UNKNOWN = new Backlog(Double.NaN, Double.NaN);
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TraceParents traceParents;
    private final URI source;
    private final long pollMillis;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final AtomicReference<Backlog> backlog = new AtomicReference<>(Backlog.UNKNOWN);
    private final Counter publishedEvents;
    private final Counter failures;
    private ScheduledExecutorService executor;

    OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, byte[]> kafka,
            TraceParents traceParents,
            String serviceName,
            long pollMillis,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.traceParents = traceParents;
        this.source = URI.create("/microshop/" + serviceName);
        this.pollMillis = pollMillis;
        Gauge.builder("microshop.outbox.backlog", backlog, value -> value.get().events())
                .description("Events in the outbox not yet published to Kafka")
                .register(meters);
        Gauge.builder("microshop.outbox.lag", backlog, value -> value.get().oldestSeconds())
                .description("Age of the oldest event not yet published (0 when none waits)")
                .baseUnit("seconds")
                .register(meters);
        this.publishedEvents = Counter.builder("microshop.outbox.published")
                .description("Events the relay published to Kafka")
                .register(meters);
        this.failures = Counter.builder("microshop.outbox.relay.failures")
                .description("Relay rounds that stopped at an event Kafka or the database did not take (it is retried)")
                .register(meters);
    }

    /** Asks for a relay round as soon as possible; rounds asked for while one is pending are merged. */
    void wakeUp() {
        if (executor != null && wakeUpPending.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUpPending.set(false);
                relay();
            });
        }
    }

    /** Publishes what is waiting; returns how many events went out. */
    public int relay() {
        int total = 0;
        try {
            int published;
            do {
                published = transactions.execute(status -> relayBatch());
                total += published;
            } while (published == BATCH);
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Outbox relay round failed, will retry: {}", e.getMessage());
        }
        publishedEvents.increment(total);
        return total;
    }

    private int relayBatch() {
        boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
                .param(ADVISORY_LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) {
            return 0;
        }
        List<PendingEvent> pending = jdbc.sql("""
                SELECT id, topic, event_key, type, subject, payload, traceparent, created_at
                FROM outbox_events WHERE published_at IS NULL ORDER BY position LIMIT ?""")
                .param(BATCH)
                .query((row, n) -> PendingEvent.of(row))
                .list();
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>(pending.size());
        for (PendingEvent event : pending) {
            try {
                traceParents.continueTrace(
                        event.traceparent(), "outbox publish " + event.type(), () -> acknowledgements.add(send(event)));
            } catch (RuntimeException e) {
                failures.increment();
                warnNotPublished(event, e);
                break;
            }
        }
        List<UUID> published = acknowledgedInOrder(pending, acknowledgements);
        if (!published.isEmpty()) {
            jdbc.sql("UPDATE outbox_events SET published_at = now() WHERE id = ANY(?)")
                    .param(published.toArray(UUID[]::new))
                    .update();
        }
        return published.size();
    }

    /**
     * Waits for the batch's acknowledgements and returns the ids of the events acknowledged before the first one
     * that failed: an event after it stays in the outbox, even if Kafka took it, so none overtakes an earlier one
     * (consumers drop the second copy by its ce_id).
     */
    private List<UUID> acknowledgedInOrder(List<PendingEvent> pending, List<CompletableFuture<?>> acknowledgements) {
        // A backstop: the producer's delivery.timeout.ms (10 s, microshop-defaults) fails a send before this.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<UUID> acknowledged = new ArrayList<>(acknowledgements.size());
        for (int i = 0; i < acknowledgements.size(); i++) {
            try {
                acknowledgements.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(pending.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                failures.increment();
                warnNotPublished(pending.get(i), e instanceof ExecutionException ? e.getCause() : e);
                break;
            }
        }
        return acknowledged;
    }

    private static void warnNotPublished(PendingEvent event, Throwable failure) {
        log.warn(
                "Could not publish {} {} to {}; it stays in the outbox: {}",
                event.type(),
                event.id(),
                event.topic(),
                failure.getMessage());
    }

    /** Hands the event to the producer, which batches it; the future completes when Kafka acknowledges it. */
    private CompletableFuture<?> send(PendingEvent event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withSource(source)
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(event.createdAt())
                .withDataContentType("application/json")
                .withData(event.payload())
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(event.topic(), event.key())
                .writeBinary(cloudEvent);
        return kafka.send(record);
    }

    private void measureBacklog() {
        try {
            backlog.set(jdbc.sql("""
                            SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)
                            FROM outbox_events WHERE published_at IS NULL""")
                    .query((row, n) -> new Backlog(row.getDouble(1), row.getDouble(2)))
                    .single());
        } catch (RuntimeException e) {
            backlog.set(Backlog.UNKNOWN);
        }
    }

    /** Drops events published more than a day ago; the outbox is a queue, not an archive. */
    void purgePublished() {
        jdbc.sql("DELETE FROM outbox_events WHERE published_at < now() - interval '1 day'")
                .update();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::relay, 0, pollMillis, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::purgePublishedQuietly, 10, 60, TimeUnit.MINUTES);
        executor.scheduleWithFixedDelay(this::measureBacklog, 0, BACKLOG_SAMPLE_SECONDS, TimeUnit.SECONDS);
    }

    private void purgePublishedQuietly() {
        try {
            purgePublished();
        } catch (RuntimeException e) {
            log.warn("Could not purge published outbox events: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record PendingEvent(
            UUID id,
            String topic,
            String key,
            String type,
            String subject,
            byte[] payload,
            String traceparent,
            OffsetDateTime createdAt) {

        static PendingEvent of(ResultSet row) throws SQLException {
            return new PendingEvent(
                    row.getObject("id", UUID.class),
                    row.getString("topic"),
                    row.getString("event_key"),
                    row.getString("type"),
                    row.getString("subject"),
                    row.getBytes("payload"),
                    row.getString("traceparent"),
                    row.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC));
        }
    }
}
