package dev.microshop.payment.infrastructure.scheduling;

import dev.microshop.payment.application.payment.ReconcileWithProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Compares the provider's books with ours every {@code microshop.payments.reconciliation-interval}. */
@Component
class ReconciliationSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final ReconcileWithProvider reconcile;

    ReconciliationSchedule(ReconcileWithProvider reconcile) {
        this.reconcile = reconcile;
    }

    /** The interval is read at start-up; its value is in config/payment-service.yml. */
    @Scheduled(
            fixedDelayString = "${microshop.payments.reconciliation-interval}",
            initialDelayString = "${microshop.payments.reconciliation-interval}")
    void reconcile() {
        try {
            var differences = reconcile.reconcile();
            if (!differences.isEmpty()) {
                log.warn("Reconciliation with the provider found {} differences: {}", differences.size(), differences);
            }
        } catch (RuntimeException failure) {
            log.warn("Reconciliation with the provider failed; next round in a moment: {}", failure.getMessage());
        }
    }
}
