package dev.microshop.order.application.order;

import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.order.domain.order.OrderNotFoundException;
import dev.microshop.order.domain.order.OrderRepository;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator records that a confirmed order left the warehouse; from then on it never changes. */
@Service
public class ShipOrder {

    private final OrderRepository orders;
    private final OrderChanges changes;
    private final Clock clock;

    public ShipOrder(OrderRepository orders, OrderChanges changes, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public Order ship(OrderId id) {
        Order order = orders.lockById(id).orElseThrow(() -> new OrderNotFoundException(id.toString()));
        order.ship(clock.instant());
        changes.updated(order);
        return order;
    }
}
