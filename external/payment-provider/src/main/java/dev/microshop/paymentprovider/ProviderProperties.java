package dev.microshop.paymentprovider;

import static dev.microshop.platform.config.SettingChecks.notNegative;
import static dev.microshop.platform.config.SettingChecks.positive;
import static dev.microshop.platform.config.SettingChecks.required;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The provider's settings ({@code config/payment-provider.yml}); read at start-up.
 *
 * @param ledgerFile         where charges and refunds are kept across restarts (JSON lines); blank keeps them in memory only
 * @param slowPaymentDelay   how long {@code pm-slow} takes to answer
 * @param faults             the failure knobs at start-up; {@code PUT /admin/faults} changes them at runtime
 */
@ConfigurationProperties("payment-provider")
public record ProviderProperties(String ledgerFile, Duration slowPaymentDelay, Faults faults) {

    public ProviderProperties {
        ledgerFile = required("ledger-file", ledgerFile).trim();
        positive("slow-payment-delay", slowPaymentDelay);
        required("faults", faults);
    }

    /**
     * @param extraLatency added to every {@code /v1} call
     * @param failureRate  share (0..1) of {@code /v1} calls answered with a 500
     */
    public record Faults(Duration extraLatency, double failureRate) {

        public Faults {
            notNegative("extra-latency", extraLatency);
        }
    }
}
