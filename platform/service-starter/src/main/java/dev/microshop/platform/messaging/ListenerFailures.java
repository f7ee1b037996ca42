package dev.microshop.platform.messaging;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Sorts why a listener failed on a record, which decides what happens to it (docs/messaging.md):
 * <ul>
 * <li>{@link Kind#PERMANENT}: the record can never be handled (not a CloudEvent, data that breaks the contract):
 * dead-lettered at once;</li>
 * <li>{@link Kind#TRANSIENT}: something it needs is briefly unavailable (the database, Kafka, a timeout): retried
 * with backoff for as long as that lasts;</li>
 * <li>{@link Kind#UNEXPECTED}: anything else, i.e. a bug: retried a few times, then dead-lettered, to be replayed
 * with {@code ./microshop dlt} once it is fixed.</li>
 * </ul>
 */
public final class ListenerFailures {

    /** What a failure says about the record. */
    public enum Kind {
        PERMANENT,
        TRANSIENT,
        UNEXPECTED
    }

    /** Spring Kafka's own never-retried failures (a record it cannot convert, a listener it cannot call). */
    private static final List<Class<? extends Throwable>> FRAMEWORK_PERMANENT =
            ExceptionClassifier.defaultFatalExceptionsList();

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            TransientDataAccessException.class,
            RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class,
            TransactionSystemException.class,
            SQLTransientException.class,
            SQLRecoverableException.class,
            RetriableException.class,
            TimeoutException.class,
            ConnectException.class,
            SocketTimeoutException.class);

    /**
     * PostgreSQL SQLSTATEs of a server that is going away or overloaded, and of a conflict that a second try
     * resolves: connection exceptions (08), shutdown (57P01-57P03), insufficient resources (53), serialization
     * failure and deadlock (40001, 40P01), a cancelled (timed-out) statement (57014), a lock wait timeout (55P03).
     */
    private static final List<String> TRANSIENT_SQL_STATES =
            List.of("08", "57P0", "53", "40001", "40P01", "57014", "55P03");

    private ListenerFailures() {}

    public static Kind classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MalformedEventException || isA(cause, FRAMEWORK_PERMANENT)) {
                return Kind.PERMANENT;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isA(cause, TRANSIENT) || cause instanceof SQLException sql && transientState(sql.getSQLState())) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.UNEXPECTED;
    }

    private static boolean isA(Throwable cause, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(cause));
    }

    private static boolean transientState(String sqlState) {
        return sqlState != null && TRANSIENT_SQL_STATES.stream().anyMatch(sqlState::startsWith);
    }
}
