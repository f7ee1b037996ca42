package dev.microshop.order.interfaces.rest;

import dev.microshop.order.application.order.PlaceOrderCommand;
import io.swagger.v3.oas.annotations.media.Schema;
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

        @Schema(
                example = "pm-ok",
                description = "The provider's test cards: pm-ok, pm-declined (declined), pm-slow (3 s)")
        @NotBlank
        @Size(max = 64)
        String paymentMethod) {

    record Item(
            @Schema(example = "622988ab-d52c-573c-bf5d-85819568fd8b") @NotBlank
            String productId,

            @Schema(example = "2") @NotNull @Min(1) @Max(1000)
            Integer quantity) {}

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
