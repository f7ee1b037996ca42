package dev.microshop.inventory.domain.product;

/** A product id from outside is not a UUID. */
public class InvalidProductIdException extends IllegalArgumentException {

    public InvalidProductIdException(String text) {
        super("Product id '" + text + "' is not a UUID");
    }
}
