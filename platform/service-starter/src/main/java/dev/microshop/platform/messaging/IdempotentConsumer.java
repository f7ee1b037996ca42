package dev.microshop.platform.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles each event at most once per consumer: the event's id is recorded in the same transaction as
 * the handler's effect, so a redelivered event (Kafka delivers at least once) changes nothing.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    IdempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs {@code effect} in one transaction with the record that {@code consumer} handled {@code event}. */
    public void handleOnce(String consumer, IncomingEvent event, Runnable effect) {
        transactions.executeWithoutResult(status -> {
            int first = jdbc.sql("""
                    INSERT INTO processed_events (consumer, event_id, processed_at) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""")
                    .params(consumer, event.id(), Timestamp.from(Instant.now()))
                    .update();
            if (first == 0) {
                log.info("Skipping {} {}: {} handled it already", event.type(), event.id(), consumer);
                return;
            }
            effect.run();
        });
    }
}
