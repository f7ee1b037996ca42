package dev.microshop.inventory.domain.product;

import dev.microshop.inventory.domain.DomainException;

/** A product id from outside is not a UUID. */
public class InvalidProductIdException extends DomainException {

    public InvalidProductIdException(String text) {
        super("Product id '" + text + "' is not a UUID");
    }
}
