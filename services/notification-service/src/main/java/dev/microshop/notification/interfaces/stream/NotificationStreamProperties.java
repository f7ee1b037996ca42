package dev.microshop.notification.interfaces.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the server-sent-events stream behaves.
 *
 * @param pollInterval      how often each instance looks for notifications stored by any instance (read at start-up)
 * @param keepAliveInterval how often a quiet stream gets a comment, so proxies and clients keep it open (read at start-up)
 * @param timeout           how long one stream stays open at most before the server ends it and the client reconnects;
 *                          it ends sooner when the access token that opened it expires
 * @param maxPerUser        how many streams one shopper may hold open on one instance (read at start-up)
 * @param maxTotal          how many streams one instance holds in all (read at start-up)
 */
@ConfigurationProperties("microshop.notifications.stream")
public record NotificationStreamProperties(Duration pollInterval, Duration keepAliveInterval, Duration timeout,
                                           Integer maxPerUser, Integer maxTotal) {

    public NotificationStreamProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        keepAliveInterval = keepAliveInterval == null ? Duration.ofSeconds(15) : keepAliveInterval;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        if (maxPerUser == null || maxTotal == null) {
            throw new IllegalStateException("microshop.notifications.stream.max-per-user and max-total must be set"
                    + " (config/notification-service.yml)");
        }
    }
}
