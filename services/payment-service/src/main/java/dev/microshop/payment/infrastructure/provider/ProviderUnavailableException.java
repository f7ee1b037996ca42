package dev.microshop.payment.infrastructure.provider;

/**
 * The provider gave no usable answer: a 5xx, a refused or dropped connection, a timeout, an open circuit,
 * or its "this key is still being processed". Safe to retry with the same idempotency key.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
