package dev.microshop.order.infrastructure.scheduling;

import dev.microshop.order.application.order.OrderAdmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets {@link OrderAdmission} measure the saga's backlog every check interval, from the start on, so that placing an
 * order only reads the last answer.
 */
@Component
class OrderAdmissionSchedule {

    private static final Logger log = LoggerFactory.getLogger(OrderAdmissionSchedule.class);

    private final OrderAdmission admission;
    /** Runs of this schedule never overlap, so a plain field. */
    private boolean failing;

    OrderAdmissionSchedule(OrderAdmission admission) {
        this.admission = admission;
    }

    /** The interval is read at start-up; its value is in config/order-service.yml. */
    @Scheduled(fixedDelayString = "${microshop.orders.admission.check-interval}")
    void reassess() {
        try {
            admission.reassess();
            failing = false;
        } catch (RuntimeException failure) {
            // The database may be away for a moment: the last answer stands, and the next run tries again. Said once
            // per outage, not twice a second.
            if (!failing) {
                log.warn("Could not measure the saga's backlog, the last answer stands: {}", failure.toString());
            }
            failing = true;
        }
    }
}
