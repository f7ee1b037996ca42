package dev.microshop.platform.messaging;

/**
 * Thrown by a handler when something it depends on is unavailable for now: the record is retried with backoff for
 * as long as that lasts, never dead-lettered for it.
 */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
