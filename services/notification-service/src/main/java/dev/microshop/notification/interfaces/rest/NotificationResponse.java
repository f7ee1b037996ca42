package dev.microshop.notification.interfaces.rest;

import dev.microshop.notification.domain.notification.Notification;
import java.time.Instant;

/** A notification as clients see it, in the list and in the stream. */
public record NotificationResponse(
        String id,
        String userId,
        String kind,
        String title,
        String message,
        String reference,
        Instant createdAt,
        boolean read) {

    public static NotificationResponse of(Notification notification) {
        return new NotificationResponse(
                notification.id().toString(),
                notification.recipient().toString(),
                notification.kind().name(),
                notification.title(),
                notification.message(),
                notification.reference(),
                notification.createdAt(),
                notification.read());
    }
}
