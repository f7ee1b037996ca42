package dev.microshop.order.infrastructure.config;

import dev.microshop.order.application.port.AdmissionSettings;
import dev.microshop.platform.config.LiveSettings;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The admission settings, read from the current properties at every use so a refresh applies at the next check. */
@Component
class ConfiguredAdmissionSettings implements AdmissionSettings {

    private final LiveSettings<OrderServiceProperties> settings;

    ConfiguredAdmissionSettings(LiveSettings<OrderServiceProperties> settings) {
        this.settings = settings;
    }

    @Override
    public int backlogOrders() {
        return settings.current().admission().backlogOrders();
    }

    @Override
    public Duration backlogAge() {
        return settings.current().admission().backlogAge();
    }

    @Override
    public Duration retryAfter() {
        return settings.current().admission().retryAfter();
    }
}
