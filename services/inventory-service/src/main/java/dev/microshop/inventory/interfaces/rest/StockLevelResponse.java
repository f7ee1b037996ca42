package dev.microshop.inventory.interfaces.rest;

import dev.microshop.inventory.domain.stock.StockLevel;

/** A product's units by state; {@code received = available + reserved + sold}. */
record StockLevelResponse(String productId, int received, int available, int reserved, int sold) {

    static StockLevelResponse of(StockLevel level) {
        return new StockLevelResponse(
                level.productId().toString(), level.received(), level.available(), level.reserved(), level.sold());
    }
}
