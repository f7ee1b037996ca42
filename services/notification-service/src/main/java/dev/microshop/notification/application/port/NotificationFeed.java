package dev.microshop.notification.application.port;

import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.UserId;
import java.util.List;
import java.util.Set;

/**
 * Every stored notification, by any instance, in the order it became visible: a position in the feed never gets
 * a notification that turns up later before one already read.
 */
public interface NotificationFeed {

    /** The position of the newest notification stored so far. */
    long end();

    /** Notifications of {@code recipients} stored after {@code position}, oldest first, and the position reached. */
    Batch readAfter(long position, Set<UserId> recipients);

    /** What one read of the feed found; the next read starts after {@code end}. */
    record Batch(List<Notification> notifications, long end) {

        public Batch {
            notifications = List.copyOf(notifications);
        }
    }
}
