package dev.microshop.inventory.domain.product;

import dev.microshop.inventory.domain.DomainException;

/** Another product already has this SKU. */
public class DuplicateSkuException extends DomainException {

    public DuplicateSkuException(Sku sku) {
        super("A product with SKU " + sku + " exists already");
    }
}
