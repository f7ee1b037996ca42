package dev.microshop.testsupport;

import dev.microshop.platform.messaging.IncomingEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A minimal service for the tests: a database, a Kafka producer, a plain listener and a CloudEvents listener. */
@SpringBootApplication
class SampleServiceApplication {

    static final String TOPIC = "sample-events";
    static final String CLOUD_EVENTS_TOPIC = "sample-cloud-events";
    /** Two partitions: a record retried on one must not hold up the other. */
    static final String GATED_TOPIC = "sample-gated-events";

    static final String BUG = "bug";

    @Bean
    NewTopic gatedTopic() {
        return new NewTopic(GATED_TOPIC, 2, (short) 1);
    }

    @Bean
    BlockingQueue<String> handledGatedKeys() {
        return new LinkedBlockingQueue<>();
    }

    @Bean
    BlockingQueue<String> receivedEvents() {
        return new LinkedBlockingQueue<>();
    }

    @Bean
    BlockingQueue<IncomingEvent> handledCloudEvents() {
        return new LinkedBlockingQueue<>();
    }

    @Component
    static class SampleCloudEventListener {

        private final BlockingQueue<IncomingEvent> handled;

        SampleCloudEventListener(BlockingQueue<IncomingEvent> handledCloudEvents) {
            this.handled = handledCloudEvents;
        }

        @KafkaListener(topics = CLOUD_EVENTS_TOPIC, groupId = "sample-service-cloud-events")
        void on(ConsumerRecord<String, byte[]> record) {
            handled.add(IncomingEvent.from(record));
        }
    }

    /**
     * Each record counts itself in the {@code sample_gates} row named by its key, waiting at most 300 ms for the
     * row's lock: a test that holds the lock makes the database refuse it for as long as it likes. The key
     * {@link #BUG} fails as a bug would.
     */
    @Component
    static class SampleGatedListener {

        private final JdbcClient jdbc;
        private final TransactionTemplate transactions;
        private final BlockingQueue<String> handled;

        SampleGatedListener(JdbcClient jdbc, TransactionTemplate transactions, BlockingQueue<String> handledGatedKeys) {
            this.jdbc = jdbc;
            this.transactions = transactions;
            this.handled = handledGatedKeys;
        }

        @KafkaListener(topics = GATED_TOPIC, groupId = "sample-service-gated")
        void on(ConsumerRecord<String, byte[]> record) {
            if (BUG.equals(record.key())) {
                throw new IllegalStateException("a bug in the handler");
            }
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL lock_timeout = '300ms'").update();
                jdbc.sql("UPDATE sample_gates SET handled = handled + 1 WHERE name = ?")
                        .param(record.key())
                        .update();
            });
            handled.add(record.key());
        }
    }

    @Component
    static class SampleEventListener {

        private final BlockingQueue<String> receivedEvents;

        SampleEventListener(BlockingQueue<String> receivedEvents) {
            this.receivedEvents = receivedEvents;
        }

        @KafkaListener(topics = TOPIC, groupId = "sample-service-${sample.flavour:plain}")
        void on(String event) {
            receivedEvents.add(event);
        }
    }
}
