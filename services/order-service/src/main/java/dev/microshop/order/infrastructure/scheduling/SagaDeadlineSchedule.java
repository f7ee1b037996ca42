package dev.microshop.order.infrastructure.scheduling;

import dev.microshop.order.application.saga.placeorder.PlaceOrderSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets the saga cancel overdue orders every check interval. Every instance runs it; the row locks taken with
 * SKIP LOCKED share the work, so no order is cancelled twice. After a start the first check waits a while, so
 * that events which arrived while the service was down are handled before their orders count as stuck.
 */
@Component
class SagaDeadlineSchedule {

    private static final Logger log = LoggerFactory.getLogger(SagaDeadlineSchedule.class);

    private final PlaceOrderSaga saga;

    SagaDeadlineSchedule(PlaceOrderSaga saga) {
        this.saga = saga;
    }

    /** Both intervals are read at start-up; their values are in config/order-service.yml. */
    @Scheduled(
            fixedDelayString = "${microshop.orders.saga.check-interval}",
            initialDelayString = "${microshop.orders.saga.first-check-after}")
    void cancelOverdueOrders() {
        try {
            int cancelled;
            do {
                cancelled = saga.cancelOverdueOrders(); // one batch per transaction, until none is left
            } while (cancelled > 0);
        } catch (RuntimeException failure) {
            // The database may be away for a moment; the next run tries again.
            log.warn("Could not cancel overdue orders: {}", failure.toString());
        }
    }
}
