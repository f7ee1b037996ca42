package dev.microshop.notification.application.live;

import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.UserId;

/** A client connected to this instance that wants its shopper's new notifications as they are stored. */
public interface NotificationSubscriber {

    UserId userId();

    /** Sends one notification; false when the client is gone. */
    boolean send(Notification notification);

    /** Shows a quiet client, and the proxies on the way, that the connection is alive; false when the client is gone. */
    boolean keepAlive();

    /** Closes the connection, e.g. because this instance stops; the client reconnects, to another instance. */
    void end();
}
