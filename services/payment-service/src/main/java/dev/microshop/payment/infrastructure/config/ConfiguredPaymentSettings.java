package dev.microshop.payment.infrastructure.config;

import dev.microshop.payment.application.port.PaymentSettings;
import dev.microshop.platform.config.LiveSettings;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The payment settings, read from the current properties at every use so a refresh applies at once. */
@Component
class ConfiguredPaymentSettings implements PaymentSettings {

    private final LiveSettings<PaymentProperties> settings;

    ConfiguredPaymentSettings(LiveSettings<PaymentProperties> settings) {
        this.settings = settings;
    }

    @Override
    public Duration chargeSettlesWithin() {
        return settings.current().chargeSettlesWithin();
    }

    @Override
    public Duration reconciliationWindow() {
        return settings.current().reconciliationWindow();
    }
}
