package dev.microshop.order.application.order;

import dev.microshop.order.application.port.OrderEventPublisher;
import dev.microshop.order.application.port.OrderMetrics;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an order's change together with the events that announce it, in one transaction: either both
 * happen or neither (the outbox publishes the events after the commit).
 */
@Service
public class OrderChanges {

    private final OrderRepository orders;
    private final OrderEventPublisher events;
    private final OrderMetrics metrics;

    public OrderChanges(OrderRepository orders, OrderEventPublisher events, OrderMetrics metrics) {
        this.orders = orders;
        this.events = events;
        this.metrics = metrics;
    }

    /** Stores a newly placed order; a concurrent request with the same idempotency key makes it roll back. */
    @Transactional
    public void added(Order order) {
        orders.add(order);
        order.pullEvents().forEach(events::publish);
        metrics.placed(order);
    }

    /** Stores the new state of an order loaded locked in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(Order order) {
        orders.update(order);
        order.pullEvents().forEach(events::publish);
        if (order.sagaDuration().isPresent()) {
            metrics.sagaEnded(order);
        }
    }
}
