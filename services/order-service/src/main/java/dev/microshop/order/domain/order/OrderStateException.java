package dev.microshop.order.domain.order;

/** The order's status does not allow the change (e.g. cancelling a confirmed order). */
public class OrderStateException extends IllegalStateException {

    public OrderStateException(OrderId id, OrderStatus status, String change) {
        super("Order " + id + " is " + status + " and cannot be " + change);
    }
}
