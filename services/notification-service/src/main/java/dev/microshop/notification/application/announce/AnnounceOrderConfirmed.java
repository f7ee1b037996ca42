package dev.microshop.notification.application.announce;

import dev.microshop.notification.domain.notification.Money;
import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.NotificationRepository;
import dev.microshop.notification.domain.notification.UserId;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tells a shopper that their order is confirmed. */
@Service
public class AnnounceOrderConfirmed {

    private final NotificationRepository notifications;
    private final Clock clock;

    public AnnounceOrderConfirmed(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Notification announce(OrderConfirmation confirmation) {
        Notification confirmed = Notification.orderConfirmed(
                UserId.parse(confirmation.userId()),
                confirmation.orderId(),
                new Money(confirmation.total(), confirmation.currency()),
                clock.instant());
        notifications.add(confirmed);
        return confirmed;
    }
}
