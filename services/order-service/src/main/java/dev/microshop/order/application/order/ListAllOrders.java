package dev.microshop.order.application.order;

import dev.microshop.order.domain.Page;
import dev.microshop.order.domain.PageRequest;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderRepository;
import dev.microshop.order.domain.order.OrderStatus;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every shopper's orders, for administrators (the controller checks the role): newest first, optionally only those in
 * some statuses, e.g. the CONFIRMED ones waiting to be shipped.
 */
@Service
public class ListAllOrders {

    private final OrderRepository orders;

    public ListAllOrders(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public Page<Order> list(Set<OrderStatus> statuses, int page, int size) {
        return orders.findByStatus(
                statuses, new PageRequest(Math.max(page, 0), Math.clamp(size, 1, PageRequest.MAX_SIZE)));
    }
}
