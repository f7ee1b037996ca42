package dev.microshop.payment.domain.payment;

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

    /** Orders whose refund is still due, oldest first. */
    List<OrderId> withRefundDue(int limit);
}
