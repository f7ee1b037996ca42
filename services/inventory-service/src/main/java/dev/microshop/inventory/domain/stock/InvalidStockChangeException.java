package dev.microshop.inventory.domain.stock;

import dev.microshop.inventory.domain.DomainException;

/** A stock change that would make no sense, such as a negative count. */
public class InvalidStockChangeException extends DomainException {

    public InvalidStockChangeException(String message) {
        super(message);
    }
}
