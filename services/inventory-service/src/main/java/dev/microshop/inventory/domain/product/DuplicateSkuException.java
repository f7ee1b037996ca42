package dev.microshop.inventory.domain.product;

/** Another product already has this SKU. */
public class DuplicateSkuException extends IllegalStateException {

    public DuplicateSkuException(Sku sku) {
        super("A product with SKU " + sku + " exists already");
    }
}
