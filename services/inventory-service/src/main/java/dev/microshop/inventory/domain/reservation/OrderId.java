package dev.microshop.inventory.domain.reservation;

import java.util.Objects;
import java.util.UUID;

/** The order a reservation is for; orders live in order-service, inventory only refers to them. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads an id from an event; anything but a UUID is refused. */
    public static OrderId parse(String text) {
        try {
            return new OrderId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException notAUuid) {
            throw new IllegalArgumentException("Order id '" + text + "' is not a UUID", notAUuid);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
