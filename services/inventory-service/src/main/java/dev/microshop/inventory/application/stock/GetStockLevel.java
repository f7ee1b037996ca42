package dev.microshop.inventory.application.stock;

import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductNotFoundException;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.inventory.domain.stock.StockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A product's stock by state: received, available, reserved, sold. */
@Service
public class GetStockLevel {

    private final StockRepository stock;

    public GetStockLevel(StockRepository stock) {
        this.stock = stock;
    }

    @Transactional(readOnly = true)
    public StockLevel get(ProductId productId) {
        return stock.find(productId).orElseThrow(() -> new ProductNotFoundException(productId));
    }
}
