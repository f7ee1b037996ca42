package dev.microshop.user.infrastructure.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans the use cases need that are not adapters of their own: the clock, the settings, scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserServiceProperties.class)
@EnableScheduling
class UserServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
