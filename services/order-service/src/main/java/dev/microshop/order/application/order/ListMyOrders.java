package dev.microshop.order.application.order;

import dev.microshop.order.domain.order.OrdersPage;
import dev.microshop.order.domain.order.UserId;
import dev.microshop.order.domain.order.OrderRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A shopper's own orders, newest first, one page at a time. */
@Service
public class ListMyOrders {

    public static final int MAX_PAGE_SIZE = 100;

    private final OrderRepository orders;

    public ListMyOrders(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public OrdersPage list(UserId userId, int page, int size) {
        return orders.findByUser(userId, Math.max(page, 0), Math.clamp(size, 1, MAX_PAGE_SIZE));
    }
}
