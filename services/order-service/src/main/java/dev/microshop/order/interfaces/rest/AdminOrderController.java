package dev.microshop.order.interfaces.rest;

import dev.microshop.order.application.order.ListAllOrders;
import dev.microshop.order.domain.Page;
import dev.microshop.order.domain.order.OrderStatus;
import dev.microshop.platform.web.PageResponse;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every shopper's orders, for administrators: {@code ?status=CONFIRMED} (repeatable) lists those waiting to ship. */
@RestController
@RequestMapping("/api/admin/orders")
@PreAuthorize("hasRole('ADMIN')")
class AdminOrderController {

    private final ListAllOrders listAllOrders;

    AdminOrderController(ListAllOrders listAllOrders) {
        this.listAllOrders = listAllOrders;
    }

    @GetMapping
    PageResponse<OrderResponse> all(
            @RequestParam(name = "status", required = false) Set<OrderStatus> statuses,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Page<OrderResponse> listed = listAllOrders
                .list(statuses == null ? Set.of() : statuses, page, size)
                .map(OrderResponse::of);
        return PageResponse.of(
                listed.content(), listed.request().number(), listed.request().size(), listed.totalElements());
    }
}
