package dev.microshop.testsupport;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node Kafka (KRaft) in the test JVM, on a random loopback port. It ends with the JVM;
 * Kafka's test kit removes its log directory then.
 */
public final class TestKafka {

    private static final Log log = LogFactory.getLog(TestKafka.class);

    private final EmbeddedKafkaKraftBroker broker;

    private TestKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static TestKafka start() {
        long started = System.nanoTime();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // One broker: internal topics with one replica, few partitions, so the first consumer group is quick.
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "1"));
        broker.afterPropertiesSet();
        log.info("Test Kafka serving on " + broker.getBrokersAsString() + " after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return new TestKafka(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Spring Kafka's view of the broker, e.g. to create topics or consume in a test. */
    public EmbeddedKafkaKraftBroker broker() {
        return broker;
    }
}
