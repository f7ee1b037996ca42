package dev.microshop.inventory.application.stock;

import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductNotFoundException;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.inventory.domain.stock.StockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a stock count: this many units of a product are available now (reservations are left alone). */
@Service
public class CountStock {

    private final StockRepository stock;

    public CountStock(StockRepository stock) {
        this.stock = stock;
    }

    @Transactional
    public StockLevel setAvailable(ProductId productId, int available) {
        StockLevel counted = stock.lock(productId)
                .orElseThrow(() -> new ProductNotFoundException(productId))
                .withAvailable(available);
        stock.save(counted);
        return counted;
    }
}
