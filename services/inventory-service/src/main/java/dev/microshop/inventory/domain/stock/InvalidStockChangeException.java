package dev.microshop.inventory.domain.stock;

/** A stock change that would make no sense, such as a negative count. */
public class InvalidStockChangeException extends IllegalArgumentException {

    public InvalidStockChangeException(String message) {
        super(message);
    }
}
