package dev.microshop.inventory.domain.reservation;

import dev.microshop.inventory.domain.product.ProductId;
import java.util.Objects;

/** So many units of one product, set aside (or requested) for an order. */
public record ReservationLine(ProductId productId, int quantity) {

    public ReservationLine {
        Objects.requireNonNull(productId, "productId");
        if (quantity < 1) {
            throw new IllegalArgumentException("a reservation line has at least one unit");
        }
    }
}
