package dev.microshop.payment.application.payment;

import dev.microshop.payment.application.port.PaymentEventPublisher;
import dev.microshop.payment.application.port.PaymentGateway;
import dev.microshop.payment.application.port.PaymentGateway.ChargeOutcome;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentEvent;
import dev.microshop.payment.domain.payment.PaymentRepository;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays for an order once: charges the provider (the order id is the idempotency key), records the
 * payment and announces the outcome in the same transaction. An order that already has a payment is
 * not charged again; if the process dies before the commit, the redelivered request charges with the
 * same key and the provider answers with the charge it already made.
 */
@Service
public class ChargeOrder {

    /** The reason orders get when the provider cannot be reached. */
    public static final String PROVIDER_UNAVAILABLE = "payment provider unavailable";

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final PaymentEventPublisher events;
    private final Clock clock;

    public ChargeOrder(PaymentRepository payments, PaymentGateway gateway, PaymentEventPublisher events, Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Payment charge(ChargeOrderCommand command) {
        var existing = payments.findByOrderId(command.orderId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Payment payment = switch (gateway.charge(command.orderId(), command.amount(), command.paymentMethod())) {
            case ChargeOutcome.Charged charged -> Payment.completed(command.orderId(), command.userId(),
                    command.amount(), command.paymentMethod(), charged.chargeId(), clock.instant());
            case ChargeOutcome.Declined declined -> Payment.declined(command.orderId(), command.userId(),
                    command.amount(), command.paymentMethod(), declined.reason(), clock.instant());
            case ChargeOutcome.Unavailable unavailable -> Payment.failed(command.orderId(), command.userId(),
                    command.amount(), command.paymentMethod(), PROVIDER_UNAVAILABLE, clock.instant());
        };
        payments.add(payment);
        events.publish(switch (payment.status()) {
            case COMPLETED -> new PaymentEvent.Completed(payment);
            default -> new PaymentEvent.Failed(payment.orderId(), payment.failureReason());
        });
        return payment;
    }
}
