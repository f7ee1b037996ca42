package dev.microshop.notification.domain.notification;

import java.util.Objects;
import java.util.UUID;

/** The shopper a notification is for: the user id user-service gave them (token subject, event field). */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /** Reads an id that came from outside: a token subject or an event. */
    public static UserId parse(String text) {
        try {
            return new UserId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidNotificationException("'" + text + "' is not a user id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
