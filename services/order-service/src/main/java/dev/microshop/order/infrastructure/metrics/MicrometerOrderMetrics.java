package dev.microshop.order.infrastructure.metrics;

import dev.microshop.order.application.port.OrderMetrics;
import dev.microshop.order.domain.order.CancellationCause;
import dev.microshop.order.domain.order.Order;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business metrics on /actuator/prometheus: {@code microshop_orders_placed_total},
 * {@code microshop_orders_confirmed_total}, {@code microshop_orders_cancelled_total{reason}} (a CancellationCause, or
 * unknown), the histogram
 * {@code microshop_order_saga_duration_seconds{outcome}} from placement to CONFIRMED or CANCELLED, and load shedding:
 * {@code microshop_orders_shed_total} (orders refused because the saga was behind) and the gauge
 * {@code microshop_orders_shedding} (1 while new orders are refused). Changes of orders are counted after the commit,
 * so a rolled-back change counts nothing.
 */
@Component
class MicrometerOrderMetrics implements OrderMetrics {

    private final Counter placed;
    private final Counter confirmed;
    private final Map<CancellationCause, Counter> cancelled = new EnumMap<>(CancellationCause.class);
    private final Timer confirmedSaga;
    private final Timer cancelledSaga;
    private final Counter shed;
    private final AtomicInteger shedding = new AtomicInteger();

    MicrometerOrderMetrics(MeterRegistry registry) {
        placed = Counter.builder("microshop.orders.placed")
                .description("Orders accepted")
                .register(registry);
        confirmed = Counter.builder("microshop.orders.confirmed")
                .description("Orders paid and final")
                .register(registry);
        for (CancellationCause cause : CancellationCause.values()) {
            cancelled.put(
                    cause,
                    Counter.builder("microshop.orders.cancelled")
                            .description("Orders cancelled, by reason")
                            .tag("reason", cause.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        confirmedSaga = sagaTimer(registry, "confirmed");
        cancelledSaga = sagaTimer(registry, "cancelled");
        shed = Counter.builder("microshop.orders.shed")
                .description("Orders refused because the saga was behind")
                .register(registry);
        Gauge.builder("microshop.orders.shedding", shedding, AtomicInteger::get)
                .description("1 while new orders are refused because the saga is behind, else 0")
                .register(registry);
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
                    cancelled.get(order.cancellationCause().orElseThrow()).increment();
                    cancelledSaga.record(took);
                });
            default -> throw new IllegalArgumentException("the saga of a " + order.status() + " order has not ended");
        }
    }

    @Override
    public void shed() {
        shed.increment();
    }

    @Override
    public void sheddingChanged(boolean shedding) {
        this.shedding.set(shedding ? 1 : 0);
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
