package dev.microshop.inventory.application.product;

import dev.microshop.inventory.domain.product.Product;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.stock.StockLevel;
import java.util.Map;

/** A product as shoppers browse it: the catalog entry and how many units can be ordered now. */
public record ProductListing(Product product, int availableStock) {

    static ProductListing of(Product product, Map<ProductId, StockLevel> stock) {
        StockLevel level = stock.get(product.id());
        return new ProductListing(product, level == null ? 0 : level.available());
    }
}
