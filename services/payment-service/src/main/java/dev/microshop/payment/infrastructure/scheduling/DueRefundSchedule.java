package dev.microshop.payment.infrastructure.scheduling;

import dev.microshop.payment.application.payment.RetryDueRefunds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tries the refunds the provider could not make at the time again, every {@code microshop.payments.refund-retry-interval}. */
@Component
class DueRefundSchedule {

    private static final Logger log = LoggerFactory.getLogger(DueRefundSchedule.class);

    private final RetryDueRefunds retryDueRefunds;

    DueRefundSchedule(RetryDueRefunds retryDueRefunds) {
        this.retryDueRefunds = retryDueRefunds;
    }

    /** The interval is read at start-up; its value is in config/payment-service.yml. */
    @Scheduled(
            fixedDelayString = "${microshop.payments.refund-retry-interval}",
            initialDelayString = "${microshop.payments.refund-retry-interval}")
    void retry() {
        try {
            int settled = retryDueRefunds.retry();
            if (settled > 0) {
                log.info("Settled {} refunds that were due", settled);
            }
        } catch (RuntimeException failure) {
            log.warn("Retrying due refunds failed; next round in a moment", failure);
        }
    }
}
