package dev.microshop.notification.interfaces.stream;

import dev.microshop.notification.application.live.StreamLimits;
import dev.microshop.platform.config.LiveSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The stream settings, and the limits the live notifications enforce (read at start-up). */
@Configuration(proxyBeanMethods = false)
class NotificationStreamConfiguration {

    @Bean
    LiveSettings<NotificationStreamProperties> streamSettings(Environment environment) {
        return new LiveSettings<>(environment, "microshop.notifications.stream", NotificationStreamProperties.class);
    }

    @Bean
    StreamLimits streamLimits(LiveSettings<NotificationStreamProperties> settings) {
        NotificationStreamProperties atStart = settings.current();
        return new StreamLimits(atStart.maxPerUser(), atStart.maxTotal());
    }
}
