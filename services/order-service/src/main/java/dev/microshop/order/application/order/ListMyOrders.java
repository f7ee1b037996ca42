package dev.microshop.order.application.order;

import dev.microshop.order.domain.Page;
import dev.microshop.order.domain.PageRequest;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderRepository;
import dev.microshop.order.domain.order.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A shopper's own orders, newest first, one page at a time; a page number or size out of range is moved into it. */
@Service
public class ListMyOrders {

    private final OrderRepository orders;

    public ListMyOrders(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public Page<Order> list(UserId userId, int page, int size) {
        return orders.findByUser(userId, new PageRequest(Math.max(page, 0), Math.clamp(size, 1, PageRequest.MAX_SIZE)));
    }
}
