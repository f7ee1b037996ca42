package dev.microshop.inventory.domain.stock;

import dev.microshop.inventory.domain.Page;
import dev.microshop.inventory.domain.PageRequest;
import dev.microshop.inventory.domain.product.ProductId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stock levels of every product. Reservations move units between the counts with conditional updates that the
 * database refuses when a count would drop below zero, so no interleaving of orders can oversell.
 */
public interface StockRepository {

    void add(StockLevel level);

    Optional<StockLevel> find(ProductId productId);

    Map<ProductId, StockLevel> findAll(Collection<ProductId> productIds);

    Page<StockLevel> findPage(PageRequest request);

    /**
     * Reads the levels of {@code productIds} and keeps them from changing until the current transaction ends.
     * Rows are locked in id order, so two orders with the same products never wait for each other in a circle.
     */
    Map<ProductId, StockLevel> lockAll(Collection<ProductId> productIds);

    /** The level of one product, locked as by {@link #lockAll}. */
    default Optional<StockLevel> lock(ProductId productId) {
        return Optional.ofNullable(lockAll(List.of(productId)).get(productId));
    }

    /** Writes a level read with {@link #lock} after a stock count or a delivery. */
    void save(StockLevel level);

    /** Moves {@code quantity} units from available to reserved; fails if fewer are available. */
    void reserve(ProductId productId, int quantity);

    /** Moves {@code quantity} units from reserved to sold; fails if fewer are reserved. */
    void sell(ProductId productId, int quantity);

    /** Moves {@code quantity} units from reserved back to available; fails if fewer are reserved. */
    void release(ProductId productId, int quantity);
}
