package dev.microshop.inventory.domain.stock;

import dev.microshop.inventory.domain.product.ProductId;
import java.util.Objects;

/**
 * How many units of a product the shop has, by state: {@code received} is every unit ever put into stock, and each
 * of them is either {@code available} to order, {@code reserved} for an order in progress, or {@code sold}.
 * So {@code received = available + reserved + sold} always holds (the database checks it too).
 */
public record StockLevel(ProductId productId, int received, int available, int reserved, int sold) {

    public StockLevel {
        Objects.requireNonNull(productId, "productId");
        if (available < 0 || reserved < 0 || sold < 0) {
            throw new IllegalArgumentException("stock counts cannot be negative");
        }
        if ((long) available + reserved + sold != received) {
            throw new IllegalArgumentException("received must equal available + reserved + sold");
        }
    }

    /** A new product's stock: {@code quantity} units received, all of them available. */
    public static StockLevel initial(ProductId productId, int quantity) {
        if (quantity < 0) {
            throw new InvalidStockChangeException("Initial stock cannot be negative");
        }
        return new StockLevel(productId, quantity, quantity, 0, 0);
    }

    /**
     * A stock count: {@code available} units are on the shelf now. The difference to the current count was received
     * (more) or written off (fewer); reserved and sold units are not touched.
     */
    public StockLevel withAvailable(int newAvailable) {
        if (newAvailable < 0) {
            throw new InvalidStockChangeException("Available stock cannot be negative");
        }
        return new StockLevel(
                productId, Math.addExact(received, newAvailable - available), newAvailable, reserved, sold);
    }

    /** A delivery of {@code quantity} new units, all available. */
    public StockLevel receive(int quantity) {
        if (quantity < 1) {
            throw new InvalidStockChangeException("A delivery adds at least one unit");
        }
        return new StockLevel(
                productId, Math.addExact(received, quantity), Math.addExact(available, quantity), reserved, sold);
    }

    /** Whether {@code quantity} units can be reserved now. */
    public boolean covers(int quantity) {
        return available >= quantity;
    }
}
