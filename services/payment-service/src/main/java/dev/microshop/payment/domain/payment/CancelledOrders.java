package dev.microshop.payment.domain.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The orders known to be cancelled. A payment request that arrives after its order's cancellation (replayed from a
 * dead-letter topic, say) is never charged.
 */
public interface CancelledOrders {

    void add(OrderId orderId, Instant cancelledAt);

    boolean contains(OrderId orderId);

    /** Which of {@code orderIds} are cancelled. */
    Set<OrderId> amongst(Collection<OrderId> orderIds);
}
