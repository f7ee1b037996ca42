package dev.microshop.order.domain.order;

/** What the shopper asked for cannot be an order (no items, a bad quantity, mixed currencies, ...). */
public class InvalidOrderException extends IllegalArgumentException {

    public InvalidOrderException(String message) {
        super(message);
    }
}
