package dev.microshop.order.domain.order;

import dev.microshop.order.domain.Page;
import dev.microshop.order.domain.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** All orders. Changes are made to orders loaded {@link #lockById locked}, so concurrent changes take turns. */
public interface OrderRepository {

    /** Stores a new order; throws {@link DuplicateOrderRequestException} if its idempotency key was used meanwhile. */
    void add(Order order);

    /** Stores the new status of an order loaded with {@link #lockById} or {@link #lockOverdue}. */
    void update(Order order);

    Optional<Order> findById(OrderId id);

    /** Loads an order to change it; other changes of it wait until this transaction ends. */
    Optional<Order> lockById(OrderId id);

    Optional<Order> findByIdempotencyKey(UserId userId, IdempotencyKey key);

    /** A user's orders, newest first. */
    Page<Order> findByUser(UserId userId, PageRequest request);

    /** Every shopper's orders in one of {@code statuses} (all of them when empty), newest first. */
    Page<Order> findByStatus(Set<OrderStatus> statuses, PageRequest request);

    /**
     * Up to {@code limit} orders still in progress that were placed before {@code placedBefore}, locked;
     * orders another transaction holds are skipped, so several instances can scan at once.
     */
    List<Order> lockOverdue(Instant placedBefore, int limit);

    /**
     * When the {@code n}-th oldest order still in progress (PENDING or RESERVED) was placed, the oldest being the
     * first; empty when fewer are in progress. Reads at most {@code n} orders, however many are in progress.
     */
    Optional<Instant> placedAtOfNthOldestInProgress(int n);
}
