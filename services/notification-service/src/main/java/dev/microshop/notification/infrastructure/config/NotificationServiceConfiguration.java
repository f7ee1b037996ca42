package dev.microshop.notification.infrastructure.config;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans the use cases need that are not adapters of their own: the clock and scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationServiceConfiguration {

    /** Ticks in microseconds, as PostgreSQL stores time: a notification reads the same before and after storing. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
