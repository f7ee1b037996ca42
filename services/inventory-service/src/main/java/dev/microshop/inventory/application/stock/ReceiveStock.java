package dev.microshop.inventory.application.stock;

import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductNotFoundException;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.inventory.domain.stock.StockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a delivery: new units of a product are received and available to order. */
@Service
public class ReceiveStock {

    private final StockRepository stock;

    public ReceiveStock(StockRepository stock) {
        this.stock = stock;
    }

    @Transactional
    public StockLevel receive(ProductId productId, int quantity) {
        StockLevel received = stock.lock(productId)
                .orElseThrow(() -> new ProductNotFoundException(productId))
                .receive(quantity);
        stock.save(received);
        return received;
    }
}
