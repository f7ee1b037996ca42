package dev.microshop.notification.domain.notification;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies one notification. */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    public static NotificationId newId() {
        return new NotificationId(UUID.randomUUID());
    }

    /** Reads an id from a request path; text that is no id names no notification. */
    public static Optional<NotificationId> parse(String text) {
        try {
            return Optional.of(new NotificationId(UUID.fromString(text == null ? "" : text.strip())));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
