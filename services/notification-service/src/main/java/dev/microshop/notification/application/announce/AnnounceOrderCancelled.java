package dev.microshop.notification.application.announce;

import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.NotificationRepository;
import dev.microshop.notification.domain.notification.UserId;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tells a shopper that their order was cancelled, and why. */
@Service
public class AnnounceOrderCancelled {

    private final NotificationRepository notifications;
    private final Clock clock;

    public AnnounceOrderCancelled(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Notification announce(OrderCancellation cancellation) {
        Notification cancelled = Notification.orderCancelled(
                UserId.parse(cancellation.userId()), cancellation.orderId(), cancellation.reason(), clock.instant());
        notifications.add(cancelled);
        return cancelled;
    }
}
