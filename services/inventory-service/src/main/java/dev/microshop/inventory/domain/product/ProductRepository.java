package dev.microshop.inventory.domain.product;

import dev.microshop.inventory.domain.Page;
import dev.microshop.inventory.domain.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The catalog; a SKU is unique in it. */
public interface ProductRepository {

    /** Stores a new product; throws {@link DuplicateSkuException} if its SKU is taken. */
    void add(Product product);

    Optional<Product> findById(ProductId id);

    /** Stores a product's new name, description and price; throws {@link ProductNotFoundException} if it is unknown. */
    void update(Product product);

    /** The products among {@code ids} that exist, in no particular order. */
    List<Product> findAllById(Collection<ProductId> ids);

    /** The products the search finds, sorted by name (then id, so pages never overlap). */
    Page<Product> findPage(CatalogSearch search, PageRequest request);
}
