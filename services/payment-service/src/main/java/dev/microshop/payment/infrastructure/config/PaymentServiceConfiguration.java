package dev.microshop.payment.infrastructure.config;

import dev.microshop.platform.config.LiveSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The settings the use cases read, bound again on every refresh. */
@Configuration(proxyBeanMethods = false)
class PaymentServiceConfiguration {

    @Bean
    LiveSettings<PaymentProperties> paymentSettings(Environment environment) {
        return new LiveSettings<>(environment, "microshop.payments", PaymentProperties.class);
    }
}
