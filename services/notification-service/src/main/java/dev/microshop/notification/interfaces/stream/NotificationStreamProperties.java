package dev.microshop.notification.interfaces.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the server-sent-events stream behaves.
 *
 * @param pollInterval      how often each instance looks for notifications stored by any instance (read at start-up)
 * @param keepAliveInterval how often a quiet stream gets a comment, so proxies and clients keep it open (read at start-up)
 * @param timeout           how long one stream stays open before the server ends it and the client reconnects
 */
@ConfigurationProperties("microshop.notifications.stream")
public record NotificationStreamProperties(Duration pollInterval, Duration keepAliveInterval, Duration timeout) {

    public NotificationStreamProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        keepAliveInterval = keepAliveInterval == null ? Duration.ofSeconds(15) : keepAliveInterval;
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
    }
}
