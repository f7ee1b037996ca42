package dev.microshop.platform.messaging;

import static dev.microshop.platform.config.SettingChecks.positive;
import static dev.microshop.platform.config.SettingChecks.required;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How every service's listeners retry and its outbox relay polls; the values are the platform's defaults in
 * {@code microshop-defaults.properties}.
 *
 * @param listener how a failed record is tried again ({@link MessagingAutoConfiguration#deadLetteringErrorHandler})
 * @param outbox   how often the relay looks for events a missed wake-up left behind
 */
@ConfigurationProperties("microshop.messaging")
public record MessagingProperties(Listener listener, Outbox outbox) {

    public MessagingProperties {
        required("listener", listener);
        required("outbox", outbox);
    }

    /**
     * @param retries               attempts after the first for an unexpected failure, before the record is dead-lettered
     * @param transientMaxInterval  the longest pause between two attempts while a transient failure lasts
     */
    public record Listener(Integer retries, Duration transientMaxInterval) {

        public Listener {
            positive("listener.retries", retries);
            positive("listener.transient-max-interval", transientMaxInterval);
        }
    }

    /** @param pollMillis milliseconds between two relay rounds that no commit asked for */
    public record Outbox(Integer pollMillis) {

        public Outbox {
            positive("outbox.poll-millis", pollMillis);
        }
    }
}
