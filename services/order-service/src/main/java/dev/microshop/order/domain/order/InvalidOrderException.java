package dev.microshop.order.domain.order;

import dev.microshop.order.domain.DomainException;

/** What the shopper asked for cannot be an order (no items, a bad quantity, mixed currencies, ...). */
public class InvalidOrderException extends DomainException {

    public InvalidOrderException(String message) {
        super(message);
    }
}
