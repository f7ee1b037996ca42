package dev.microshop.payment.infrastructure.config;

import static dev.microshop.platform.config.SettingChecks.positive;

import java.time.Duration;

/**
 * {@code microshop.payments.*} that the use cases read ({@code PaymentSettings}), bound by
 * {@link dev.microshop.platform.config.LiveSettings} and read at every use, so a refresh applies at once. The
 * refund-retry and reconciliation intervals are read at start-up by their schedules only.
 *
 * @param chargeSettlesWithin  how long an unanswered charge request may still turn into a charge at the provider
 * @param reconciliationWindow how far back each reconciliation looks
 */
record PaymentProperties(Duration chargeSettlesWithin, Duration reconciliationWindow) {

    PaymentProperties {
        positive("charge-settles-within", chargeSettlesWithin);
        positive("reconciliation-window", reconciliationWindow);
    }
}
