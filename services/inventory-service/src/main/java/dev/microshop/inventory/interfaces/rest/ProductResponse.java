package dev.microshop.inventory.interfaces.rest;

import dev.microshop.inventory.application.product.ProductListing;
import dev.microshop.inventory.domain.product.Product;

/** A product as shoppers see it. */
record ProductResponse(String id, String sku, String name, String description, MoneyJson price, int availableStock) {

    static ProductResponse of(ProductListing listing) {
        Product product = listing.product();
        return new ProductResponse(
                product.id().toString(),
                product.sku().value(),
                product.name(),
                product.description(),
                MoneyJson.of(product.price()),
                listing.availableStock());
    }
}
