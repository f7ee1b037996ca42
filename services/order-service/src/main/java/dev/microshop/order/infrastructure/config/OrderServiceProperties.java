package dev.microshop.order.infrastructure.config;

import static dev.microshop.platform.config.SettingChecks.positive;
import static dev.microshop.platform.config.SettingChecks.required;

import java.time.Duration;

/**
 * {@code microshop.orders.*}, bound by {@link dev.microshop.platform.config.LiveSettings} and read at every use, so a
 * refresh applies at once. The saga's check interval and first check are read at start-up by
 * {@code SagaDeadlineSchedule} only, the admission's check interval by {@code OrderAdmissionSchedule} only.
 *
 * @param remoteCallDeadline how long order-service waits for user-service and inventory-service to answer a gRPC call
 * @param saga               when the place-order saga gives up on an order
 * @param admission          when new orders are refused because the saga is behind
 */
public record OrderServiceProperties(Duration remoteCallDeadline, Saga saga, Admission admission) {

    public OrderServiceProperties {
        positive("remote-call-deadline", remoteCallDeadline);
        required("saga", saga);
        required("admission", admission);
        // An order is cancelled at the deadline: one could never have waited longer, and orders would never be refused.
        if (admission.backlogAge().compareTo(saga.deadline()) >= 0) {
            throw new IllegalArgumentException("admission.backlog-age (" + admission.backlogAge()
                    + ") must be shorter than saga.deadline (" + saga.deadline() + ")");
        }
    }

    /** @param deadline an order still PENDING or RESERVED this long after it was placed is cancelled */
    public record Saga(Duration deadline) {

        public Saga {
            positive("deadline", deadline);
        }
    }

    /**
     * @param backlogOrders new orders are refused while at least this many orders in progress have waited longer
     *                      than {@code backlogAge} since they were placed
     * @param backlogAge    how long an order in progress must have waited to count
     * @param retryAfter    the wait a refused shopper is asked for ({@code Retry-After})
     */
    public record Admission(int backlogOrders, Duration backlogAge, Duration retryAfter) {

        public Admission {
            positive("backlog-orders", backlogOrders);
            positive("backlog-age", backlogAge);
            positive("retry-after", retryAfter);
        }
    }
}
