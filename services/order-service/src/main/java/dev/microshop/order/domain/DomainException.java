package dev.microshop.order.domain;

/** A business rule said no; the message is written for the person who made the request. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
