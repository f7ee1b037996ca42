package dev.microshop.order.domain.order;

import java.util.Objects;

/** One product of an order, how many of it, and its price per unit when the order was placed. */
public record OrderLine(ProductId productId, int quantity, Money unitPrice) {

    public static final int MAX_QUANTITY = 1000;

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidOrderException("The quantity of product " + productId + " must be between 1 and "
                    + MAX_QUANTITY + ", not " + quantity);
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
