package dev.microshop.notification.application.announce;

import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.NotificationRepository;
import dev.microshop.notification.domain.notification.UserId;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Greets a shopper who signed up. */
@Service
public class WelcomeShopper {

    private final NotificationRepository notifications;
    private final Clock clock;

    public WelcomeShopper(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Notification welcome(ShopperSignedUp signUp) {
        Notification welcome = Notification.welcome(UserId.parse(signUp.userId()), signUp.name(), clock.instant());
        notifications.add(welcome);
        return welcome;
    }
}
