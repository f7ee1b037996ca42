package dev.microshop.payment.infrastructure.metrics;

import dev.microshop.payment.application.port.PaymentMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code microshop.payments.reconciliation.differences{kind}}: what the reconciler found, by kind. */
@Component
class MicrometerPaymentMetrics implements PaymentMetrics {

    private final MeterRegistry meters;

    MicrometerPaymentMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void reconciliationDifference(String kind) {
        Counter.builder("microshop.payments.reconciliation.differences")
                .tag("kind", kind.toLowerCase(Locale.ROOT))
                .description("Differences between the provider's books and the payments here")
                .register(meters)
                .increment();
    }
}
