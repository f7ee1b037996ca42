package dev.microshop.payment.application.payment;

import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order was cancelled: if it was charged (or may have been), its refund becomes due and is tried at
 * once. An order that was never charged, or was declined, needs nothing.
 */
@Service
public class RefundCancelledOrder {

    private final PaymentRepository payments;
    private final SettleRefund settleRefund;
    private final Clock clock;

    public RefundCancelledOrder(PaymentRepository payments, SettleRefund settleRefund, Clock clock) {
        this.payments = payments;
        this.settleRefund = settleRefund;
        this.clock = clock;
    }

    @Transactional
    public Optional<Payment> orderCancelled(OrderId orderId) {
        Optional<Payment> payment = payments.lockByOrderId(orderId);
        if (payment.isEmpty()) {
            return payment;
        }
        Payment cancelled = payment.get().orderCancelled(clock.instant());
        if (cancelled == payment.get()) {
            return payment;
        }
        payments.update(cancelled);
        return Optional.of(settleRefund.settle(orderId));
    }
}
