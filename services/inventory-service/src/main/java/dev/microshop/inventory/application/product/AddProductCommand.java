package dev.microshop.inventory.application.product;

import java.math.BigDecimal;

/** An administrator's new catalog entry and how many units of it are in stock to begin with. */
public record AddProductCommand(
        String sku, String name, String description, BigDecimal priceAmount, String priceCurrency, int initialStock) {}
