package dev.microshop.order.application.order;

import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.order.domain.order.OrderNotFoundException;
import dev.microshop.order.domain.order.OrderRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One order, for its owner or an administrator; anyone else is told it does not exist. */
@Service
public class GetOrder {

    private final OrderRepository orders;

    public GetOrder(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public Order get(OrderId id, Requester requester) {
        return orders.findById(id)
                .filter(requester::maySee)
                .orElseThrow(() -> new OrderNotFoundException(id.toString()));
    }
}
