package dev.microshop.platform.messaging;

import java.util.Objects;

/**
 * An integration event to be published as a CloudEvent of {@code type} about {@code subject} (optional) on
 * {@code topic}, keyed by {@code key}; {@code data} is written as its JSON.
 */
public record OutgoingEvent(String topic, String key, String type, String subject, Object data) {

    public OutgoingEvent {
        requireText(topic, "topic");
        requireText(key, "key");
        requireText(type, "type");
        Objects.requireNonNull(data, "data");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
