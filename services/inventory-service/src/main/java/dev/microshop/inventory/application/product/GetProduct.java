package dev.microshop.inventory.application.product;

import dev.microshop.inventory.domain.product.Product;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductNotFoundException;
import dev.microshop.inventory.domain.product.ProductRepository;
import dev.microshop.inventory.domain.stock.StockRepository;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One product with its available stock. */
@Service
public class GetProduct {

    private final ProductRepository products;
    private final StockRepository stock;

    public GetProduct(ProductRepository products, StockRepository stock) {
        this.products = products;
        this.stock = stock;
    }

    @Transactional(readOnly = true)
    public ProductListing get(ProductId id) {
        Product product = products.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
        return ProductListing.of(
                product, stock.find(id).map(level -> Map.of(id, level)).orElse(Map.of()));
    }
}
