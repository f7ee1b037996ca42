package dev.microshop.notification.application.inbox;

import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.NotificationId;
import dev.microshop.notification.domain.notification.NotificationNotFoundException;
import dev.microshop.notification.domain.notification.NotificationRepository;
import dev.microshop.notification.domain.notification.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A shopper has read one of their notifications; reading it again changes nothing. */
@Service
public class MarkNotificationRead {

    private final NotificationRepository notifications;

    public MarkNotificationRead(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public Notification markRead(UserId reader, String notificationId) {
        Notification notification = NotificationId.parse(notificationId)
                .flatMap(notifications::findById)
                .orElseThrow(() -> new NotificationNotFoundException(notificationId));
        Notification read = notification.markReadBy(reader);
        if (!notification.read()) {
            notifications.updateRead(read);
        }
        return read;
    }
}
