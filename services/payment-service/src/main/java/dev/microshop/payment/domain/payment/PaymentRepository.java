package dev.microshop.payment.domain.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Payments, one per order. */
public interface PaymentRepository {

    /** Stores a new payment; a second payment for the same order is refused by the database. */
    void add(Payment payment);

    void update(Payment payment);

    Optional<Payment> findByOrderId(OrderId orderId);

    /** The order's payment, locked until the transaction ends so that no one else settles it meanwhile. */
    Optional<Payment> lockByOrderId(OrderId orderId);

    /** The payments of these orders (those that have one). */
    List<Payment> findByOrderIds(Collection<OrderId> orderIds);

    /** Completed payments created in [{@code from}, {@code until}). */
    List<Payment> completedBetween(Instant from, Instant until);

    /** Orders whose refund is still due, oldest first. */
    List<OrderId> withRefundDue(int limit);
}
