package dev.microshop.order.application.order;

import dev.microshop.order.application.port.AdmissionSettings;
import dev.microshop.order.application.port.OrderMetrics;
import dev.microshop.order.domain.order.OrderRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Load shedding for new orders. An order the saga cannot finish within its deadline is cancelled there, and the
 * compensations add load of their own; so taking orders faster than the saga finishes them ends with every order
 * cancelled. While the saga is behind, new orders are therefore refused, with a time to retry after.
 *
 * <p>The saga is behind while at least {@code backlog-orders} orders in progress (PENDING or RESERVED) have waited
 * longer than {@code backlog-age}: the n-th oldest rather than the oldest, so that one stuck order does not shut
 * orders off. {@link #reassess} measures it, one indexed query however long the backlog, every check interval, and
 * keeps the answer; {@link #admit} only reads it, so a refused order costs nothing. Every instance measures the same
 * database, so all of them decide alike. Starting and stopping are logged; single refusals are only counted.
 */
@Service
public class OrderAdmission {

    private static final Logger log = LoggerFactory.getLogger(OrderAdmission.class);

    private final OrderRepository orders;
    private final AdmissionSettings settings;
    private final OrderMetrics metrics;
    private final Clock clock;
    private volatile boolean shedding;

    public OrderAdmission(OrderRepository orders, AdmissionSettings settings, OrderMetrics metrics, Clock clock) {
        this.orders = orders;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Measures the saga's backlog and from now on admits or refuses new orders by it. */
    public synchronized void reassess() {
        int backlogOrders = settings.backlogOrders();
        Duration backlogAge = settings.backlogAge();
        Instant now = clock.instant();
        Optional<Instant> nthOldest = orders.placedAtOfNthOldestInProgress(backlogOrders);
        boolean behind = nthOldest.isPresent() && nthOldest.get().isBefore(now.minus(backlogAge));
        if (behind == shedding) {
            return;
        }
        shedding = behind;
        metrics.sheddingChanged(behind);
        if (behind) {
            log.info(
                    "Refusing new orders, the saga is behind: {} orders in progress have waited {} s or more (longer"
                            + " than {} s)",
                    backlogOrders,
                    Duration.between(nthOldest.get(), now).toSeconds(),
                    backlogAge.toSeconds());
        } else {
            log.info(
                    "Taking new orders again: fewer than {} orders in progress have waited longer than {} s",
                    backlogOrders,
                    backlogAge.toSeconds());
        }
    }

    /** Throws {@link SagaBehindException} while the saga is behind. */
    public void admit() {
        if (shedding) {
            metrics.shed();
            throw new SagaBehindException(settings.retryAfter());
        }
    }
}
