package dev.microshop.inventory.domain.product;

import java.util.List;
import java.util.stream.Collectors;

/** No product has the given id (or ids). */
public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException(List<ProductId> missing) {
        super((missing.size() == 1 ? "No product with id " : "No products with ids ")
                + missing.stream().map(ProductId::toString).collect(Collectors.joining(", ")));
    }

    public ProductNotFoundException(ProductId missing) {
        this(List.of(missing));
    }
}
