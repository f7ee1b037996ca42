package dev.microshop.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * The records a service's listeners are retrying. Between two attempts only the failed record's partition is paused
 * (the consumer keeps polling its other partitions, and stays in its group however long the backoff); and it measures
 * what is being retried and for how long, and what was dead-lettered:
 * <ul>
 * <li>{@code microshop.messaging.listener.retrying}: records waiting for another attempt now;</li>
 * <li>{@code microshop.messaging.listener.retrying.longest}: seconds since the first failure of the oldest of them;</li>
 * <li>{@code microshop.messaging.listener.retried} (timer): from a record's first failure until it was handled or
 * dead-lettered ({@code outcome});</li>
 * <li>{@code microshop.messaging.dead.lettered} (counter): records sent to {@code <topic>.dlt}, by topic and failure;
 * at zero from the start for every topic a listener reads, so a dashboard or an alert knows them before the first.</li>
 * </ul>
 */
class ListenerRetries
        implements RetryListener,
                BackOffHandler,
                RecordInterceptor<Object, Object>,
                ApplicationListener<ApplicationReadyEvent> {

    /** The partition of the record whose failure is being handled on this consumer thread, for the backoff. */
    private static final ThreadLocal<TopicPartition> failedPartition = new ThreadLocal<>();

    private final ListenerContainerPauseService pauses;
    private final ListenerContainerRegistry containers;
    private final MeterRegistry meters;
    private final Clock clock;
    /** First failure per record being retried; a record whose partition moved to another consumer ages out. */
    private final Map<TopicPartitionOffset, Retrying> retrying = new ConcurrentHashMap<>();

    private final Duration forgetAfter;

    private record Retrying(Instant firstFailure, Instant lastFailure) {}

    ListenerRetries(
            ListenerContainerRegistry containers,
            ListenerContainerPauseService pauses,
            MeterRegistry meters,
            Clock clock,
            Duration longestBackOff) {
        this.containers = containers;
        this.pauses = pauses;
        this.meters = meters;
        this.clock = clock;
        this.forgetAfter = longestBackOff.multipliedBy(3);
        Gauge.builder(
                        "microshop.messaging.listener.retrying",
                        this,
                        retries -> retries.current().size())
                .description("Records a listener failed on and will try again")
                .baseUnit("records")
                .register(meters);
        Gauge.builder("microshop.messaging.listener.retrying.longest", this, ListenerRetries::longestSeconds)
                .description("How long the record retried longest has been failing")
                .baseUnit("seconds")
                .register(meters);
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        Instant now = clock.instant();
        retrying.merge(key(record), new Retrying(now, now), (first, next) -> new Retrying(first.firstFailure(), now));
        failedPartition.set(new TopicPartition(record.topic(), record.partition()));
    }

    @Override
    public void onNextBackOff(MessageListenerContainer container, Exception failure, long backOffMillis) {
        TopicPartition partition = failedPartition.get();
        failedPartition.remove();
        if (container == null || partition == null) {
            BackOffHandler.super.onNextBackOff(container, failure, backOffMillis);
            return;
        }
        pauses.pausePartition(container, partition, Duration.ofMillis(backOffMillis));
    }

    /** Every topic a listener reads, with the failures that dead-letter (a transient one is retried while it lasts). */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        containers.getAllListenerContainers().stream()
                .map(container -> container.getContainerProperties().getTopics())
                .filter(Objects::nonNull)
                .flatMap(Arrays::stream)
                .forEach(topic -> {
                    deadLettered(topic, ListenerFailures.Kind.PERMANENT);
                    deadLettered(topic, ListenerFailures.Kind.UNEXPECTED);
                });
    }

    private Counter deadLettered(String topic, ListenerFailures.Kind failure) {
        return Counter.builder("microshop.messaging.dead.lettered")
                .tag("topic", topic)
                .tag("failure", failure.name().toLowerCase(Locale.ROOT))
                .description("Records sent to the dead-letter topic")
                .register(meters);
    }

    /** Dead-lettered (after its retries, or at once when permanent). */
    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        deadLettered(record.topic(), ListenerFailures.classify(failure)).increment();
        finished(record, "dead-lettered");
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        finished(record, "handled");
    }

    private void finished(ConsumerRecord<?, ?> record, String outcome) {
        Retrying retried = retrying.remove(key(record));
        if (retried != null) {
            Timer.builder("microshop.messaging.listener.retried")
                    .tag("topic", record.topic())
                    .tag("outcome", outcome)
                    .description("From a record's first failure until it was handled or dead-lettered")
                    .register(meters)
                    .record(Duration.between(retried.firstFailure(), clock.instant()));
        }
    }

    private Map<TopicPartitionOffset, Retrying> current() {
        Instant stale = clock.instant().minus(forgetAfter);
        retrying.values().removeIf(record -> record.lastFailure().isBefore(stale));
        return retrying;
    }

    private double longestSeconds() {
        Instant now = clock.instant();
        return current().values().stream()
                .mapToDouble(
                        record -> Duration.between(record.firstFailure(), now).toMillis() / 1000.0)
                .max()
                .orElse(0);
    }

    private static TopicPartitionOffset key(ConsumerRecord<?, ?> record) {
        return new TopicPartitionOffset(record.topic(), record.partition(), record.offset());
    }
}
