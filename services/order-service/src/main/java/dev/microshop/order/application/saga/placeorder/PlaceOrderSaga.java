package dev.microshop.order.application.saga.placeorder;

import dev.microshop.order.application.order.OrderChanges;
import dev.microshop.order.application.port.SagaSettings;
import dev.microshop.order.domain.order.CancellationCause;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.order.domain.order.OrderRepository;
import dev.microshop.order.domain.order.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The place-order saga (docs/architecture.md, "The order saga"), orchestrated from the order's side.
 * {@code PlaceOrder} starts it with a PENDING order and {@code order.created}; then:
 * <pre>
 * inventory.reserved  PENDING  -> RESERVED,  emits order.payment-requested (pay before placed + deadline)
 * inventory.rejected  PENDING  -> CANCELLED, emits order.cancelled (the shopper is told; nothing to give back)
 * payment.completed   RESERVED -> CONFIRMED, emits order.confirmed
 * payment.failed      RESERVED -> CANCELLED, emits order.cancelled (inventory releases the reservation)
 * deadline passed     PENDING or RESERVED -> CANCELLED, emits order.cancelled (and payment refunds a charge)
 * </pre>
 * An event that finds the order in any other state (a duplicate, or one arriving after the deadline or a
 * cancellation) changes nothing. Each step runs in the transaction of the consumed event, so the step, its
 * outgoing event and the record that the incoming event was handled commit together.
 */
@Service
public class PlaceOrderSaga {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrderSaga.class);
    /** Overdue orders cancelled per transaction; the next scan takes the rest. */
    private static final int OVERDUE_BATCH = 100;

    private final OrderRepository orders;
    private final OrderChanges changes;
    private final SagaSettings settings;
    private final Clock clock;

    public PlaceOrderSaga(OrderRepository orders, OrderChanges changes, SagaSettings settings, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void stockReserved(OrderId id) {
        step(
                id,
                OrderStatus.PENDING,
                "inventory.reserved",
                order -> order.markReserved(clock.instant(), settings.deadline()));
    }

    @Transactional
    public void stockRejected(OrderId id, String reason) {
        step(
                id,
                OrderStatus.PENDING,
                "inventory.rejected",
                order -> order.cancel(
                        CancellationCause.OUT_OF_STOCK, "Stock could not be reserved: " + reason, clock.instant()));
    }

    @Transactional
    public void paymentCompleted(OrderId id) {
        step(id, OrderStatus.RESERVED, "payment.completed", order -> order.confirm(clock.instant()));
    }

    @Transactional
    public void paymentFailed(OrderId id, String reason) {
        step(
                id,
                OrderStatus.RESERVED,
                "payment.failed",
                order -> order.cancel(CancellationCause.PAYMENT_FAILED, "Payment failed: " + reason, clock.instant()));
    }

    /** Cancels orders that waited longer than the deadline for stock or payment; returns how many. */
    @Transactional
    public int cancelOverdueOrders() {
        Instant now = clock.instant();
        List<Order> overdue = orders.lockOverdue(now.minus(settings.deadline()), OVERDUE_BATCH);
        for (Order order : overdue) {
            order.cancel(
                    CancellationCause.DEADLINE_PASSED,
                    "Not completed within " + settings.deadline().toSeconds() + " s (was " + order.status() + ")",
                    now);
            changes.updated(order);
            log.info("Order {} cancelled: the saga deadline passed", order.id());
        }
        return overdue.size();
    }

    private void step(OrderId id, OrderStatus expected, String trigger, Consumer<Order> change) {
        Order order = orders.lockById(id).orElse(null);
        if (order == null) {
            log.warn("{} for unknown order {} ignored", trigger, id);
            return;
        }
        if (order.status() != expected) {
            log.info("{} for order {} ignored: it is {}", trigger, id, order.status());
            return;
        }
        change.accept(order);
        changes.updated(order);
        log.info("Order {} is {} after {}", id, order.status(), trigger);
    }
}
