package dev.microshop.notification.interfaces.stream;

import static dev.microshop.platform.config.SettingChecks.positive;

import java.time.Duration;

/**
 * How the server-sent-events stream behaves ({@code microshop.notifications.stream.*}), bound by
 * {@link dev.microshop.platform.config.LiveSettings}: a refresh changes the timeout of the streams opened after it.
 *
 * @param pollInterval      how often each instance looks for notifications stored by any instance (read at start-up)
 * @param keepAliveInterval how often a quiet stream gets a comment, so proxies and clients keep it open (read at start-up)
 * @param timeout           how long one stream stays open at most before the server ends it and the client reconnects;
 *                          it ends sooner when the access token that opened it expires
 * @param maxPerUser        how many streams one shopper may hold open on one instance (read at start-up)
 * @param maxTotal          how many streams one instance holds in all (read at start-up)
 */
public record NotificationStreamProperties(
        Duration pollInterval, Duration keepAliveInterval, Duration timeout, Integer maxPerUser, Integer maxTotal) {

    public NotificationStreamProperties {
        positive("poll-interval", pollInterval);
        positive("keep-alive-interval", keepAliveInterval);
        positive("timeout", timeout);
        positive("max-per-user", maxPerUser);
        positive("max-total", maxTotal);
    }
}
