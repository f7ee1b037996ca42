package dev.microshop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.platform.messaging.ListenerFailures.Kind;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.TransactionSystemException;

class ListenerFailuresTest {

    @Test
    void a_record_that_breaks_the_contract_is_permanent_however_it_is_wrapped() {
        assertThat(ListenerFailures.classify(listener(new MalformedEventException("not a CloudEvent", null))))
                .isEqualTo(Kind.PERMANENT);
        assertThat(ListenerFailures.classify(
                        listener(new DeserializationException("bad bytes", new byte[0], false, null))))
                .isEqualTo(Kind.PERMANENT);
    }

    @Test
    void an_unavailable_database_or_broker_is_transient() {
        assertThat(ListenerFailures.classify(listener(new CannotGetJdbcConnectionException("pool timed out"))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(ListenerFailures.classify(listener(new TransactionSystemException(
                        "could not commit", new SQLException("An I/O error occurred", "08006")))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(ListenerFailures.classify(listener(new UncategorizedSQLException(
                        "update",
                        "UPDATE ...",
                        new SQLException("terminating connection due to administrator command", "57P01")))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(ListenerFailures.classify(listener(new org.apache.kafka.common.errors.TimeoutException("metadata"))))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void anything_else_is_unexpected() {
        assertThat(ListenerFailures.classify(listener(new IllegalStateException("a bug"))))
                .isEqualTo(Kind.UNEXPECTED);
        assertThat(ListenerFailures.classify(listener(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key", "23505")))))
                .isEqualTo(Kind.UNEXPECTED);
    }

    private static ListenerExecutionFailedException listener(Throwable cause) {
        return new ListenerExecutionFailedException("Listener method threw", cause);
    }
}
