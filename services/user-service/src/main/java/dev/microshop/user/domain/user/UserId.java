package dev.microshop.user.domain.user;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user everywhere in the system (token subject, event key, gRPC id). */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId newId() {
        return new UserId(UUID.randomUUID());
    }

    /** Reads an id that came from outside, e.g. a gRPC request. */
    public static UserId parse(String text) {
        try {
            return new UserId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidUserIdException(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
