package dev.microshop.user.infrastructure.config;

import dev.microshop.platform.config.LiveSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The settings the use cases read, bound again on every refresh. */
@Configuration(proxyBeanMethods = false)
class UserServiceConfiguration {

    @Bean
    LiveSettings<UserServiceProperties> userSettings(Environment environment) {
        return new LiveSettings<>(environment, "microshop.users", UserServiceProperties.class);
    }
}
