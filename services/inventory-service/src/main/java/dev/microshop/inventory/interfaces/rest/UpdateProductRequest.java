package dev.microshop.inventory.interfaces.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/products/{id}}: the product's new description; its SKU and stock are not part of it. */
record UpdateProductRequest(
        @NotBlank String name,
        String description,
        @NotNull @Valid AddProductRequest.Price price) {}
