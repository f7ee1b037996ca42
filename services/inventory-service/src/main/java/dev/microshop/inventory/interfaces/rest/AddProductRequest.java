package dev.microshop.inventory.interfaces.rest;

import dev.microshop.inventory.application.product.AddProductCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** {@code POST /api/products}: the catalog's own rules (SKU format, price) are checked by the domain. */
record AddProductRequest(
        @NotBlank String sku,
        @NotBlank String name,
        String description,
        @NotNull @Valid Price price,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer initialStock) {

    /** The amount may be sent as text ({@code "12.50"}) or as a JSON number. */
    record Price(@NotNull BigDecimal amount, @NotBlank String currency) {}

    AddProductCommand toCommand() {
        return new AddProductCommand(sku, name, description, price.amount(), price.currency(), initialStock);
    }
}
