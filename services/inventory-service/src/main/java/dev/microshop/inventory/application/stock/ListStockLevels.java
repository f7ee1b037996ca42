package dev.microshop.inventory.application.stock;

import dev.microshop.inventory.domain.Page;
import dev.microshop.inventory.domain.PageRequest;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.inventory.domain.stock.StockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stock of every product, a page at a time, in the catalog's order. */
@Service
public class ListStockLevels {

    private final StockRepository stock;

    public ListStockLevels(StockRepository stock) {
        this.stock = stock;
    }

    @Transactional(readOnly = true)
    public Page<StockLevel> list(PageRequest request) {
        return stock.findPage(request);
    }
}
