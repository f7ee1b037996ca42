package dev.microshop.order.domain.order;

import java.util.List;

/** One page of a list of orders: which page, its size, and how many orders the whole list has. */
public record OrdersPage(List<Order> orders, int page, int size, long totalOrders) {

    public OrdersPage {
        orders = List.copyOf(orders);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalOrders + size - 1) / size);
    }
}
