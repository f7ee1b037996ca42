package dev.microshop.order.interfaces.rest;

import dev.microshop.order.application.order.CancelOrder;
import dev.microshop.order.application.order.GetOrder;
import dev.microshop.order.application.order.ListMyOrders;
import dev.microshop.order.application.order.PlaceOrder;
import dev.microshop.order.application.order.PlacedOrder;
import dev.microshop.order.application.order.ShipOrder;
import dev.microshop.order.domain.Page;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.order.interfaces.Caller;
import dev.microshop.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shoppers place, read and cancel their orders; administrators read any order and ship confirmed ones. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PlaceOrder placeOrder;
    private final GetOrder getOrder;
    private final ListMyOrders listMyOrders;
    private final CancelOrder cancelOrder;
    private final ShipOrder shipOrder;

    OrderController(
            PlaceOrder placeOrder,
            GetOrder getOrder,
            ListMyOrders listMyOrders,
            CancelOrder cancelOrder,
            ShipOrder shipOrder) {
        this.placeOrder = placeOrder;
        this.getOrder = getOrder;
        this.listMyOrders = listMyOrders;
        this.cancelOrder = cancelOrder;
        this.shipOrder = shipOrder;
    }

    /** 201 with the order; a replayed Idempotency-Key answers the same with the first order (header {@code Idempotent-Replayed}). */
    @PostMapping
    @ApiResponse(responseCode = "201", description = "The order, PENDING; its saga goes on without the caller")
    @ApiResponse(
            responseCode = "503",
            description = "Nothing stored: user-service or inventory-service did not answer in time, or too many orders"
                    + " are waiting for their saga; try again after Retry-After")
    ResponseEntity<OrderResponse> place(
            @AuthenticationPrincipal Jwt token,
            @Parameter(
                            description = "Any unique text per checkout (a UUID, say): the same key with the same"
                                    + " order answers with the first order instead of placing another",
                            example = "7f7b1c8e-2f4a-4d0b-9a43-0c1f3b5e9d21")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        PlacedOrder placed = placeOrder.place(request.toCommand(token.getSubject(), idempotencyKey));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/orders/" + placed.order().id()))
                .header("Idempotent-Replayed", String.valueOf(placed.replayed()))
                .body(OrderResponse.of(placed.order()));
    }

    @GetMapping("/{id}")
    OrderResponse get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return OrderResponse.of(getOrder.get(OrderId.parse(id), Caller.of(token)));
    }

    @GetMapping
    PageResponse<OrderResponse> mine(
            @AuthenticationPrincipal Jwt token,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Page<OrderResponse> listed =
                listMyOrders.list(Caller.of(token).userId(), page, size).map(OrderResponse::of);
        return PageResponse.of(
                listed.content(), listed.request().number(), listed.request().size(), listed.totalElements());
    }

    @PostMapping("/{id}/cancel")
    OrderResponse cancel(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return OrderResponse.of(cancelOrder.cancel(OrderId.parse(id), Caller.of(token)));
    }

    @PostMapping("/{id}/ship")
    @PreAuthorize("hasRole('ADMIN')")
    OrderResponse ship(@PathVariable String id) {
        return OrderResponse.of(shipOrder.ship(OrderId.parse(id)));
    }
}
