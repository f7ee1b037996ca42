package dev.microshop.order.application.order;

import java.time.Duration;

/** A new order is refused for now: the saga is behind, and an order taken now would likely miss its deadline. */
public class SagaBehindException extends RuntimeException {

    private final Duration retryAfter;

    public SagaBehindException(Duration retryAfter) {
        super("Orders are being taken more slowly than they arrive");
        this.retryAfter = retryAfter;
    }

    /** How long the shopper is asked to wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
