package dev.microshop.kafkabroker;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The broker's health as an operator reads it, taken from the metrics Kafka publishes over JMX: partitions and the
 * ones it leads, under-replicated and offline partitions, and the records and bytes it takes in and serves.
 */
final class BrokerMetrics {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    private BrokerMetrics() {}

    static void bindTo(MeterRegistry registry) {
        gauge(
                registry,
                "kafka.broker.partitions",
                "Partitions with a replica on this broker",
                "kafka.server:type=ReplicaManager,name=PartitionCount");
        gauge(
                registry,
                "kafka.broker.leaders",
                "Partitions this broker leads",
                "kafka.server:type=ReplicaManager,name=LeaderCount");
        gauge(
                registry,
                "kafka.broker.under.replicated.partitions",
                "Partitions led here with fewer in-sync replicas than replicas",
                "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions");
        gauge(
                registry,
                "kafka.broker.offline.partitions",
                "Partitions with no leader (as the active controller sees them)",
                "kafka.controller:type=KafkaController,name=OfflinePartitionsCount");
        counter(
                registry,
                "kafka.broker.records.in",
                "Records written to this broker",
                "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec");
        counter(
                registry,
                "kafka.broker.bytes.in",
                "Bytes written to this broker by producers",
                "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec");
        counter(
                registry,
                "kafka.broker.bytes.out",
                "Bytes served by this broker to consumers",
                "kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec");
    }

    private static void gauge(MeterRegistry registry, String name, String description, String mbean) {
        Gauge.builder(name, () -> attribute(mbean, "Value"))
                .description(description)
                .register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, String mbean) {
        FunctionCounter.builder(name, mbean, bean -> attribute(bean, "Count"))
                .description(description)
                .register(registry);
    }

    /** NaN until Kafka has registered the MBean (during start-up) or when it has none. */
    private static double attribute(String mbean, String attribute) {
        try {
            return ((Number) JMX.getAttribute(new ObjectName(mbean), attribute)).doubleValue();
        } catch (JMException | ClassCastException e) {
            return Double.NaN;
        }
    }
}
