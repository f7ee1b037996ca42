package dev.microshop.kafkabroker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer lag as the broker sees it, per consumer group and topic: how many records the group's committed offsets
 * are behind the end of each partition, summed over the topic's partitions ({@code kafka.consumer.group.lag}). Measured
 * every few seconds with the admin API, so a group whose consumers are all gone (or stuck) still shows its lag; the
 * bus's anonymous groups, which commit nothing, are left out.
 */
final class ConsumerGroupLag implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupLag.class);
    private static final long EVERY_SECONDS = 5;
    private static final long TIMEOUT_SECONDS = 4;

    private final Admin admin;
    private final MultiGauge lag;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consumer-group-lag");
        thread.setDaemon(true);
        return thread;
    });

    ConsumerGroupLag(String bootstrapServers, MeterRegistry registry) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "kafka-broker-lag"));
        this.lag = MultiGauge.builder("kafka.consumer.group.lag")
                .description("Records the consumer group has not committed yet, summed over the topic's partitions")
                .baseUnit("records")
                .register(registry);
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::measure, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void measure() {
        try {
            Map<List<String>, Long> byGroupAndTopic = new HashMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                if (group.groupId().startsWith("anonymous.")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                committed.keySet().forEach(partition -> ends.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> endOffsets =
                        admin.listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                committed.forEach((partition, offset) -> {
                    if (offset != null && endOffsets.containsKey(partition)) {
                        long behind = Math.max(0, endOffsets.get(partition).offset() - offset.offset());
                        byGroupAndTopic.merge(List.of(group.groupId(), partition.topic()), behind, Long::sum);
                    }
                });
            }
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            byGroupAndTopic.forEach((groupAndTopic, behind) -> rows.add(
                    MultiGauge.Row.of(Tags.of("group", groupAndTopic.get(0), "topic", groupAndTopic.get(1)), behind)));
            lag.register(rows, true);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("Consumer lag not measured this round: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close();
    }
}
