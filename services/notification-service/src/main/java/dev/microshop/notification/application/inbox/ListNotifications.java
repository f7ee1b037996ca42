package dev.microshop.notification.application.inbox;

import dev.microshop.notification.domain.notification.NotificationPage;
import dev.microshop.notification.domain.notification.NotificationRepository;
import dev.microshop.notification.domain.notification.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A shopper's own notifications, newest first, a page at a time. */
@Service
public class ListNotifications {

    private final NotificationRepository notifications;

    public ListNotifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional(readOnly = true)
    public NotificationPage list(UserId recipient, int page, int size) {
        return notifications.findByRecipient(recipient, page, size);
    }
}
