package dev.microshop.inventory.interfaces.rest;

import dev.microshop.inventory.application.product.AddProductCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** {@code POST /api/products}: the catalog's own rules (SKU format, price) are checked by the domain. */
record AddProductRequest(
        @Schema(example = "MUG-TRV-450") @NotBlank String sku,
        @Schema(example = "Travel mug, 450 ml") @NotBlank String name,
        @Schema(example = "Keeps coffee hot for 4 hours.") String description,
        @NotNull @Valid Price price,

        @Schema(example = "25") @NotNull @PositiveOrZero @Max(1_000_000)
        Integer initialStock) {

    /** The amount may be sent as text ({@code "12.50"}) or as a JSON number. */
    record Price(
            @Schema(example = "15.90") @NotNull BigDecimal amount,
            @Schema(example = "EUR") @NotBlank String currency) {}

    AddProductCommand toCommand() {
        return new AddProductCommand(sku, name, description, price.amount(), price.currency(), initialStock);
    }
}
