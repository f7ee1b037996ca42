package dev.microshop.payment.infrastructure.config;

import dev.microshop.payment.application.port.PaymentSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code microshop.payments.*} that the use cases read ({@link PaymentSettings}).
 *
 * @param chargeSettlesWithin  how long an unanswered charge request may still turn into a charge at the provider
 * @param reconciliationWindow how far back each reconciliation looks
 */
@ConfigurationProperties("microshop.payments")
record PaymentProperties(Duration chargeSettlesWithin, Duration reconciliationWindow) implements PaymentSettings {

    PaymentProperties {
        chargeSettlesWithin = chargeSettlesWithin == null ? Duration.ofSeconds(30) : chargeSettlesWithin;
        reconciliationWindow = reconciliationWindow == null ? Duration.ofMinutes(15) : reconciliationWindow;
    }
}
