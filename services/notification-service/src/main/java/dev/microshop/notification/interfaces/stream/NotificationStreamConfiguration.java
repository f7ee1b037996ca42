package dev.microshop.notification.interfaces.stream;

import dev.microshop.notification.application.live.StreamLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stream limits the live notifications enforce, from this service's configuration. */
@Configuration(proxyBeanMethods = false)
class NotificationStreamConfiguration {

    @Bean
    StreamLimits streamLimits(NotificationStreamProperties properties) {
        return new StreamLimits(properties.maxPerUser(), properties.maxTotal());
    }
}
