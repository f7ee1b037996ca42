package dev.microshop.order.infrastructure.config;

import dev.microshop.order.application.port.SagaSettings;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The saga's settings, read from the properties bean at every use so a refreshed deadline applies at once. */
@Component
class ConfiguredSagaSettings implements SagaSettings {

    private final OrderServiceProperties properties;

    ConfiguredSagaSettings(OrderServiceProperties properties) {
        this.properties = properties;
    }

    @Override
    public Duration deadline() {
        return properties.getSaga().getDeadline();
    }
}
