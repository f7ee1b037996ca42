package dev.microshop.gateway.hardening;

/**
 * A request body grew past {@code microshop.gateway.requests.max-body-size} while the gateway read it. The client's
 * fault, never a service's: circuit breakers ignore it (config/gateway.yml).
 */
public class RequestBodyTooLargeException extends RuntimeException {

    RequestBodyTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes");
    }
}
