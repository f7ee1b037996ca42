package dev.microshop.payment.application.payment;

import dev.microshop.payment.domain.payment.CancelledOrders;
import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order was cancelled: it is remembered as cancelled (a payment request that comes later is never charged) and,
 * if it was charged or may have been, its refund becomes due and is tried at once. An order with no payment was
 * never charged: the provider is asked to charge only after the intent is recorded ({@link ChargeOrder}).
 */
@Service
public class RefundCancelledOrder {

    private final PaymentRepository payments;
    private final CancelledOrders cancelledOrders;
    private final SettleRefund settleRefund;
    private final Clock clock;

    public RefundCancelledOrder(
            PaymentRepository payments, CancelledOrders cancelledOrders, SettleRefund settleRefund, Clock clock) {
        this.payments = payments;
        this.cancelledOrders = cancelledOrders;
        this.settleRefund = settleRefund;
        this.clock = clock;
    }

    @Transactional
    public Optional<Payment> orderCancelled(OrderId orderId) {
        cancelledOrders.add(orderId, clock.instant());
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
