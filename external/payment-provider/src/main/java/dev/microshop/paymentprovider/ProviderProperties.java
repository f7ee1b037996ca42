package dev.microshop.paymentprovider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The provider's settings.
 *
 * @param ledgerFile         where charges and refunds are kept across restarts (JSON lines); blank keeps them in memory only
 * @param slowPaymentDelay   how long {@code pm-slow} takes to answer
 * @param faults             the failure knobs at start-up; {@code PUT /admin/faults} changes them at runtime
 */
@ConfigurationProperties("payment-provider")
public record ProviderProperties(String ledgerFile, Duration slowPaymentDelay, Faults faults) {

    public ProviderProperties {
        ledgerFile = ledgerFile == null ? "" : ledgerFile.trim();
        slowPaymentDelay = slowPaymentDelay == null ? Duration.ofSeconds(3) : slowPaymentDelay;
        faults = faults == null ? new Faults(Duration.ZERO, 0.0) : faults;
    }

    /**
     * @param extraLatency added to every {@code /v1} call
     * @param failureRate  share (0..1) of {@code /v1} calls answered with a 500
     */
    public record Faults(Duration extraLatency, double failureRate) {

        public Faults {
            extraLatency = extraLatency == null ? Duration.ZERO : extraLatency;
        }
    }
}
