package dev.microshop.notification.domain.notification;

import dev.microshop.notification.domain.Page;
import dev.microshop.notification.domain.PageRequest;
import java.util.Optional;

/** The stored notifications of every shopper. */
public interface NotificationRepository {

    void add(Notification notification);

    Optional<Notification> findById(NotificationId id);

    /** One page of {@code recipient}'s notifications, newest first. */
    Page<Notification> findByRecipient(UserId recipient, PageRequest request);

    /** Stores the read flag of a notification that was stored before. */
    void updateRead(Notification notification);
}
