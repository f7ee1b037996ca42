package dev.microshop.order.domain.order;

import java.util.Objects;
import java.util.UUID;

/** Identifies an order; random, so it can be chosen before the order is stored. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId newId() {
        return new OrderId(UUID.randomUUID());
    }

    /** Reads an id a client sent; throws {@link OrderNotFoundException} for text that cannot be an order's id. */
    public static OrderId parse(String text) {
        try {
            return new OrderId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new OrderNotFoundException(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
