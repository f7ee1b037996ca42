package dev.microshop.order.application.port;

import dev.microshop.order.domain.order.Order;

/** Business metrics of orders; changes of orders are counted only if their transaction commits. */
public interface OrderMetrics {

    void placed(Order order);

    /** The order reached CONFIRMED or CANCELLED: the saga is over. */
    void sagaEnded(Order order);

    /** A new order was refused because the saga is behind. */
    void shed();

    /** New orders began ({@code true}) or stopped being refused. */
    void sheddingChanged(boolean shedding);
}
