package dev.microshop.inventory.domain.product;

import dev.microshop.inventory.domain.DomainException;
import java.util.List;
import java.util.stream.Collectors;

/** No product has the given id (or ids). */
public class ProductNotFoundException extends DomainException {

    private final List<ProductId> missing;

    public ProductNotFoundException(List<ProductId> missing) {
        super((missing.size() == 1 ? "No product with id " : "No products with ids ")
                + missing.stream().map(ProductId::toString).collect(Collectors.joining(", ")));
        this.missing = List.copyOf(missing);
    }

    public ProductNotFoundException(ProductId missing) {
        this(List.of(missing));
    }

    public List<ProductId> missing() {
        return missing;
    }
}
