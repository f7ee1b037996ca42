package dev.microshop.payment.infrastructure.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans the use cases need that are not adapters of their own: the clock, settings, scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
