package dev.microshop.inventory.integration;

import dev.microshop.inventory.application.product.AddProduct;
import dev.microshop.inventory.application.product.AddProductCommand;
import dev.microshop.inventory.domain.product.ProductId;
import java.math.BigDecimal;
import java.util.UUID;

/** Products of a test's own, so no test depends on what another did to the seeded catalog. */
final class TestProducts {

    private TestProducts() {}

    static String uniqueSku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 18).toUpperCase();
    }

    static ProductId add(AddProduct addProduct, int initialStock) {
        return addProduct
                .add(new AddProductCommand(
                        uniqueSku(), "Test product", "Made for one test", new BigDecimal("9.99"), "EUR", initialStock))
                .product()
                .id();
    }
}
