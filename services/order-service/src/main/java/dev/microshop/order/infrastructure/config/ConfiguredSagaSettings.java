package dev.microshop.order.infrastructure.config;

import dev.microshop.order.application.port.SagaSettings;
import dev.microshop.platform.config.LiveSettings;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The saga's settings, read from the current properties at every use so a refreshed deadline applies at once. */
@Component
class ConfiguredSagaSettings implements SagaSettings {

    private final LiveSettings<OrderServiceProperties> settings;

    ConfiguredSagaSettings(LiveSettings<OrderServiceProperties> settings) {
        this.settings = settings;
    }

    @Override
    public Duration deadline() {
        return settings.current().saga().deadline();
    }
}
