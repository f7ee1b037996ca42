package dev.microshop.order.interfaces.rest;

import dev.microshop.order.domain.order.OrdersPage;
import java.util.List;

/** A page of orders in the shape Spring Data's paged JSON has: {@code {"content":[...],"page":{...}}}. */
record OrdersPageResponse(List<OrderResponse> content, PageMetadata page) {

    record PageMetadata(int size, int number, long totalElements, int totalPages) {
    }

    static OrdersPageResponse of(OrdersPage page) {
        return new OrdersPageResponse(page.orders().stream().map(OrderResponse::of).toList(),
                new PageMetadata(page.size(), page.page(), page.totalOrders(), page.totalPages()));
    }
}
