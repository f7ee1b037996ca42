package dev.microshop.order.domain.order;

import java.util.Objects;
import java.util.UUID;

/** A product of inventory-service's catalog. */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductId parse(String text) {
        try {
            return new ProductId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new InvalidOrderException("Product id '" + text + "' is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
