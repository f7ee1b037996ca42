package dev.microshop.order.application.order;

import dev.microshop.order.domain.order.CancellationCause;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.order.domain.order.OrderNotFoundException;
import dev.microshop.order.domain.order.OrderRepository;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shopper (or an administrator) calls an order off before it is confirmed; emits {@code order.cancelled}. */
@Service
public class CancelOrder {

    private final OrderRepository orders;
    private final OrderChanges changes;
    private final Clock clock;

    public CancelOrder(OrderRepository orders, OrderChanges changes, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public Order cancel(OrderId id, Requester requester) {
        Order order = orders.lockById(id)
                .filter(requester::maySee)
                .orElseThrow(() -> new OrderNotFoundException(id.toString()));
        boolean byCustomer = order.isOwnedBy(requester.userId());
        order.cancel(
                byCustomer ? CancellationCause.BY_CUSTOMER : CancellationCause.BY_ADMINISTRATOR,
                byCustomer ? "Cancelled by the customer" : "Cancelled by an administrator",
                clock.instant());
        changes.updated(order);
        return order;
    }
}
