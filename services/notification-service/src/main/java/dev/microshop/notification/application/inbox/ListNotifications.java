package dev.microshop.notification.application.inbox;

import dev.microshop.notification.domain.Page;
import dev.microshop.notification.domain.PageRequest;
import dev.microshop.notification.domain.notification.Notification;
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
    public Page<Notification> list(UserId recipient, PageRequest request) {
        return notifications.findByRecipient(recipient, request);
    }
}
