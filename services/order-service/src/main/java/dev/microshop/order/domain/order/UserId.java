package dev.microshop.order.domain.order;

import java.util.Objects;
import java.util.UUID;

/** The shopper an order belongs to, as user-service identifies them. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId parse(String text) {
        try {
            return new UserId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new InvalidOrderException("User id '" + text + "' is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
