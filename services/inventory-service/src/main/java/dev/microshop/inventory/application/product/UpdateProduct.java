package dev.microshop.inventory.application.product;

import dev.microshop.inventory.domain.product.Product;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductNotFoundException;
import dev.microshop.inventory.domain.product.ProductRepository;
import dev.microshop.inventory.domain.stock.StockRepository;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator changes a product's name, description or price. Orders already placed keep the price they were
 * placed at (order-service copies it into each order line); the SKU never changes.
 */
@Service
public class UpdateProduct {

    private final ProductRepository products;
    private final StockRepository stock;

    public UpdateProduct(ProductRepository products, StockRepository stock) {
        this.products = products;
        this.stock = stock;
    }

    @Transactional
    public ProductListing update(ProductId id, String name, String description, BigDecimal amount, String currency) {
        Product revised = products.findById(id)
                .orElseThrow(() -> new ProductNotFoundException(id))
                .revised(name, description, amount, currency);
        products.update(revised);
        return ProductListing.of(
                revised, stock.find(id).map(level -> Map.of(id, level)).orElse(Map.of()));
    }
}
