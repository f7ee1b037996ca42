package dev.microshop.order.infrastructure.config;

import static dev.microshop.platform.config.SettingChecks.positive;
import static dev.microshop.platform.config.SettingChecks.required;

import java.time.Duration;

/**
 * {@code microshop.orders.*}, bound by {@link dev.microshop.platform.config.LiveSettings} and read at every use, so a
 * refresh applies at once. The saga's check interval and first check are read at start-up by
 * {@code SagaDeadlineSchedule} only.
 *
 * @param remoteCallDeadline how long order-service waits for user-service and inventory-service to answer a gRPC call
 * @param saga               when the place-order saga gives up on an order
 */
public record OrderServiceProperties(Duration remoteCallDeadline, Saga saga) {

    public OrderServiceProperties {
        positive("remote-call-deadline", remoteCallDeadline);
        required("saga", saga);
    }

    /** @param deadline an order still PENDING or RESERVED this long after it was placed is cancelled */
    public record Saga(Duration deadline) {

        public Saga {
            positive("deadline", deadline);
        }
    }
}
