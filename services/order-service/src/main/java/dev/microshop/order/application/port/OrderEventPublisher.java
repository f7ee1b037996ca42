package dev.microshop.order.application.port;

import dev.microshop.order.domain.order.OrderEvent;

/** Tells other services what happened to orders; an event is stored with the change and sent only if it commits. */
public interface OrderEventPublisher {

    void publish(OrderEvent event);
}
