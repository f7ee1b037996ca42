package dev.microshop.order.domain.order;

/** No order with that id, or none the caller may see (the two are not told apart). */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(String id) {
        super("No order with id " + id);
    }
}
