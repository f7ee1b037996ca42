package dev.microshop.notification.application.announce;

import dev.microshop.notification.domain.notification.Money;
import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.NotificationRepository;
import dev.microshop.notification.domain.notification.UserId;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a shopper the steps of their order between placing and the end: reserved (the payment is being taken) and
 * shipped. With confirmed and cancelled, every change of an order's status reaches the shopper's stream.
 */
@Service
public class AnnounceOrderProgress {

    private final NotificationRepository notifications;
    private final Clock clock;

    public AnnounceOrderProgress(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The stock is reserved and payment is asked for the amount. */
    @Transactional
    public Notification reserved(OrderStep step, BigDecimal amount, String currency) {
        return stored(Notification.orderReserved(
                UserId.parse(step.userId()), step.orderId(), new Money(amount, currency), clock.instant()));
    }

    @Transactional
    public Notification shipped(OrderStep step) {
        return stored(Notification.orderShipped(UserId.parse(step.userId()), step.orderId(), clock.instant()));
    }

    private Notification stored(Notification notification) {
        notifications.add(notification);
        return notification;
    }

    /** Whose order, and which. */
    public record OrderStep(String userId, String orderId) {}
}
