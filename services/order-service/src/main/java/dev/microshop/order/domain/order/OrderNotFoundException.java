package dev.microshop.order.domain.order;

import dev.microshop.order.domain.DomainException;

/** No order with that id, or none the caller may see (the two are not told apart). */
public class OrderNotFoundException extends DomainException {

    public OrderNotFoundException(String id) {
        super("No order with id " + id);
    }
}
