package dev.microshop.platform.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** The outbox as a table of the service's own database; wakes the relay when the transaction commits. */
class JdbcOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TraceParents traceParents;
    private final OutboxRelay relay;

    JdbcOutbox(JdbcClient jdbc, JsonMapper json, TraceParents traceParents, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.traceParents = traceParents;
        this.relay = relay;
    }

    @Override
    public void append(OutgoingEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Outbox.append needs the transaction of the state change");
        }
        jdbc.sql("""
                INSERT INTO outbox_events (id, topic, event_key, type, subject, payload, traceparent, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        event.topic(),
                        event.key(),
                        event.type(),
                        event.subject(),
                        json.writeValueAsBytes(event.data()),
                        traceParents.current(),
                        Timestamp.from(Instant.now()))
                .update();
        // In the request's trace: the log line that ties a state change to the event it caused.
        log.info("Recorded {} about {} for {}", event.type(), event.subject(), event.topic());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
