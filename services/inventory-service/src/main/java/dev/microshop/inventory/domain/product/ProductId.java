package dev.microshop.inventory.domain.product;

import java.util.Objects;
import java.util.UUID;

/** Identifies a product everywhere in the system (URLs, gRPC, order items, events). */
public record ProductId(UUID value) implements Comparable<ProductId> {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductId newId() {
        return new ProductId(UUID.randomUUID());
    }

    /** Reads an id that came from outside, e.g. a URL or a gRPC request. */
    public static ProductId parse(String text) {
        try {
            return new ProductId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidProductIdException(text);
        }
    }

    @Override
    public int compareTo(ProductId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
