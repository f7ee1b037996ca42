package dev.microshop.order.infrastructure.metrics;

import dev.microshop.order.application.port.OrderMetrics;
import dev.microshop.order.domain.order.Order;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business metrics on /actuator/prometheus: {@code microshop_orders_placed_total},
 * {@code microshop_orders_confirmed_total}, {@code microshop_orders_cancelled_total} and the histogram
 * {@code microshop_order_saga_duration_seconds{outcome}} from placement to CONFIRMED or CANCELLED.
 * Counted after the commit, so a rolled-back change counts nothing.
 */
@Component
class MicrometerOrderMetrics implements OrderMetrics {

    private final Counter placed;
    private final Counter confirmed;
    private final Counter cancelled;
    private final Timer confirmedSaga;
    private final Timer cancelledSaga;

    MicrometerOrderMetrics(MeterRegistry registry) {
        placed = Counter.builder("microshop.orders.placed")
                .description("Orders accepted")
                .register(registry);
        confirmed = Counter.builder("microshop.orders.confirmed")
                .description("Orders paid and final")
                .register(registry);
        cancelled = Counter.builder("microshop.orders.cancelled")
                .description("Orders cancelled")
                .register(registry);
        confirmedSaga = sagaTimer(registry, "confirmed");
        cancelledSaga = sagaTimer(registry, "cancelled");
    }

    @Override
    public void placed(Order order) {
        afterCommit(placed::increment);
    }

    @Override
    public void sagaEnded(Order order) {
        Duration took = order.sagaDuration().orElseThrow();
        switch (order.status()) {
            case CONFIRMED ->
                afterCommit(() -> {
                    confirmed.increment();
                    confirmedSaga.record(took);
                });
            case CANCELLED ->
                afterCommit(() -> {
                    cancelled.increment();
                    cancelledSaga.record(took);
                });
            default -> throw new IllegalArgumentException("the saga of a " + order.status() + " order has not ended");
        }
    }

    private static Timer sagaTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("microshop.order.saga.duration")
                .description("From placing an order to CONFIRMED or CANCELLED")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
