package dev.microshop.order.application.port;

/** An order names a product the catalog does not have; the message says which. */
public class UnknownProductException extends RuntimeException {

    public UnknownProductException(String message) {
        super(message);
    }
}
