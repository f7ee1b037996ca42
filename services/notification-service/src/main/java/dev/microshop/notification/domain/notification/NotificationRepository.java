package dev.microshop.notification.domain.notification;

import java.util.Optional;

/** The stored notifications of every shopper. */
public interface NotificationRepository {

    void add(Notification notification);

    Optional<Notification> findById(NotificationId id);

    /** Page {@code number} (from 0) of {@code recipient}'s notifications, newest first. */
    NotificationPage findByRecipient(UserId recipient, int number, int size);

    /** Stores the read flag of a notification that was stored before. */
    void updateRead(Notification notification);
}
