package dev.microshop.order.application.port;

import dev.microshop.order.domain.order.Order;

/** Business metrics of orders; counted only if the transaction commits. */
public interface OrderMetrics {

    void placed(Order order);

    /** The order reached CONFIRMED or CANCELLED: the saga is over. */
    void sagaEnded(Order order);
}
