package dev.microshop.order.infrastructure.config;

import dev.microshop.platform.config.LiveSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The settings the use cases read, bound again on every refresh. */
@Configuration(proxyBeanMethods = false)
class OrderServiceConfiguration {

    @Bean
    LiveSettings<OrderServiceProperties> orderSettings(Environment environment) {
        return new LiveSettings<>(environment, "microshop.orders", OrderServiceProperties.class);
    }
}
