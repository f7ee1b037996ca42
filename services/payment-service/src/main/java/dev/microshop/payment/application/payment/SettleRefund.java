package dev.microshop.payment.application.payment;

import dev.microshop.payment.application.port.PaymentEventPublisher;
import dev.microshop.payment.application.port.PaymentGateway;
import dev.microshop.payment.application.port.PaymentGateway.RefundOutcome;
import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentEvent;
import dev.microshop.payment.domain.payment.PaymentRepository;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays back the charge of an order whose refund is due. When the provider cannot be reached the refund
 * stays due and is tried again later ({@link RetryDueRefunds}); it is idempotent per order, so trying
 * again never refunds twice.
 */
@Service
public class SettleRefund {

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final PaymentEventPublisher events;
    private final Clock clock;

    public SettleRefund(PaymentRepository payments, PaymentGateway gateway, PaymentEventPublisher events, Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the payment as it stands afterwards (still due if the provider did not answer). */
    @Transactional
    public Payment settle(OrderId orderId) {
        Payment payment = payments.lockByOrderId(orderId).orElseThrow(
                () -> new IllegalStateException("No payment for order " + orderId));
        if (!payment.refundDue()) {
            return payment;
        }
        Payment settled = switch (gateway.refund(orderId)) {
            case RefundOutcome.Refunded refunded -> payment.refunded(refunded.refundId(), clock.instant());
            case RefundOutcome.NothingCharged nothing -> payment.voided(clock.instant());
            case RefundOutcome.Unavailable unavailable -> payment;
        };
        if (settled != payment) {
            payments.update(settled);
            if (settled.providerRefundId() != null) {
                events.publish(new PaymentEvent.Refunded(settled));
            }
        }
        return settled;
    }
}
