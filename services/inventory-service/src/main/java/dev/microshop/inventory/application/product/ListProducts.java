package dev.microshop.inventory.application.product;

import dev.microshop.inventory.domain.Page;
import dev.microshop.inventory.domain.PageRequest;
import dev.microshop.inventory.domain.product.CatalogSearch;
import dev.microshop.inventory.domain.product.Product;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductRepository;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.inventory.domain.stock.StockRepository;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One page of the products a search finds (the whole catalog for no words), sorted by name, with each product's available stock. */
@Service
public class ListProducts {

    private final ProductRepository products;
    private final StockRepository stock;

    public ListProducts(ProductRepository products, StockRepository stock) {
        this.products = products;
        this.stock = stock;
    }

    @Transactional(readOnly = true)
    public Page<ProductListing> list(CatalogSearch search, PageRequest request) {
        Page<Product> page = products.findPage(search, request);
        Map<ProductId, StockLevel> levels =
                stock.findAll(page.content().stream().map(Product::id).toList());
        return page.map(product -> ProductListing.of(product, levels));
    }
}
