package dev.microshop.order.infrastructure.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code microshop.orders.*}. A mutable bean on purpose: Spring Cloud rebinds it in place when the configuration
 * changes (bus refresh), and the settings are read at every use, so changes apply without a restart.
 */
@Validated
@ConfigurationProperties("microshop.orders")
public class OrderServiceProperties {

    @Valid
    private final Saga saga = new Saga();
    /** How long order-service waits for user-service and inventory-service to answer a gRPC call. */
    @NotNull
    private Duration remoteCallDeadline = Duration.ofSeconds(2);

    public Saga getSaga() {
        return saga;
    }

    public Duration getRemoteCallDeadline() {
        return remoteCallDeadline;
    }

    public void setRemoteCallDeadline(Duration remoteCallDeadline) {
        this.remoteCallDeadline = remoteCallDeadline;
    }

    /** {@code microshop.orders.saga.*}: when the place-order saga gives up on an order. */
    public static class Saga {

        /** An order still PENDING or RESERVED this long after it was placed is cancelled. */
        @NotNull
        private Duration deadline = Duration.ofSeconds(30);
        /** How often each instance looks for orders past the deadline (read once at start-up). */
        @NotNull
        private Duration checkInterval = Duration.ofSeconds(2);
        /** The first look after a start, once the backlog of events has been handled (read once at start-up). */
        @NotNull
        private Duration firstCheckAfter = Duration.ofSeconds(20);

        public Duration getDeadline() {
            return deadline;
        }

        public void setDeadline(Duration deadline) {
            this.deadline = deadline;
        }

        public Duration getCheckInterval() {
            return checkInterval;
        }

        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }

        public Duration getFirstCheckAfter() {
            return firstCheckAfter;
        }

        public void setFirstCheckAfter(Duration firstCheckAfter) {
            this.firstCheckAfter = firstCheckAfter;
        }
    }
}
