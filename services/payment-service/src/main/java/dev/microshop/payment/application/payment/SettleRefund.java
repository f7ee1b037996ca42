package dev.microshop.payment.application.payment;

import dev.microshop.payment.application.port.PaymentEventPublisher;
import dev.microshop.payment.application.port.PaymentGateway;
import dev.microshop.payment.application.port.PaymentGateway.RefundOutcome;
import dev.microshop.payment.application.port.PaymentSettings;
import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentEvent;
import dev.microshop.payment.domain.payment.PaymentRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays back the charge of an order whose refund is due. When the provider cannot be reached the refund
 * stays due and is tried again later ({@link RetryDueRefunds}); it is idempotent per order, so trying
 * again never refunds twice. Finding no charge settles it as VOIDED only once no charge can still appear: a
 * request that went unanswered may be in the provider's hands for a while ({@link PaymentSettings#chargeSettlesWithin()});
 * until then the refund stays due and the provider is asked again.
 */
@Service
public class SettleRefund {

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final PaymentEventPublisher events;
    private final PaymentSettings settings;
    private final Clock clock;

    public SettleRefund(
            PaymentRepository payments,
            PaymentGateway gateway,
            PaymentEventPublisher events,
            PaymentSettings settings,
            Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns the payment as it stands afterwards (still due if the provider did not answer). */
    @Transactional
    public Payment settle(OrderId orderId) {
        Payment payment = payments.lockByOrderId(orderId)
                .orElseThrow(() -> new IllegalStateException("No payment for order " + orderId));
        if (!payment.refundDue()) {
            return payment;
        }
        Instant now = clock.instant();
        Payment settled = switch (gateway.refund(orderId)) {
            case RefundOutcome.Refunded refunded -> payment.refunded(refunded.refundId(), now);
            case RefundOutcome.NothingCharged nothing ->
                payment.chargeMayStillAppear(now, settings.chargeSettlesWithin()) ? payment : payment.voided(now);
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
