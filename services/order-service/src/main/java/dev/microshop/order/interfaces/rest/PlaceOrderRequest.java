package dev.microshop.order.interfaces.rest;

import dev.microshop.order.application.order.PlaceOrderCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/orders}: {@code {"items":[{"productId","quantity"}],"paymentMethod":"pm-ok"}}. */
record PlaceOrderRequest(
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Item> items,
        @NotBlank @Size(max = 64) String paymentMethod) {

    record Item(
            @NotBlank String productId,
            @NotNull @Min(1) @Max(1000) Integer quantity) {}

    PlaceOrderCommand toCommand(String userId, String idempotencyKey) {
        return new PlaceOrderCommand(
                userId,
                items.stream()
                        .map(item -> new PlaceOrderCommand.Item(item.productId(), item.quantity()))
                        .toList(),
                paymentMethod,
                idempotencyKey);
    }
}
