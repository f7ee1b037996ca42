package dev.microshop.payment.infrastructure.config;

import dev.microshop.platform.config.LiveSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans the use cases need that are not adapters of their own: the clock, settings, scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PaymentServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LiveSettings<PaymentProperties> paymentSettings(Environment environment) {
        return new LiveSettings<>(environment, "microshop.payments", PaymentProperties.class);
    }
}
