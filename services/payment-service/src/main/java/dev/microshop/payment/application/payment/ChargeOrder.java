package dev.microshop.payment.application.payment;

import dev.microshop.payment.application.port.PaymentEventPublisher;
import dev.microshop.payment.application.port.PaymentGateway;
import dev.microshop.payment.application.port.PaymentGateway.ChargeLookup;
import dev.microshop.payment.application.port.PaymentGateway.ChargeOutcome;
import dev.microshop.payment.domain.payment.CancelledOrders;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentEvent;
import dev.microshop.payment.domain.payment.PaymentRepository;
import dev.microshop.payment.domain.payment.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays for an order once, in three steps so that no charge is ever lost track of: records the intent (CHARGING) and
 * commits it, asks the provider with no transaction open (the order id is the idempotency key), then records the
 * outcome and announces it. A request that finds a CHARGING payment (the process died, or the database failed, after
 * the provider was asked) settles it by asking again with the same key, so the provider answers with the charge it
 * made; or, once the order is cancelled or past its deadline, only by looking the charge up: such an order is never
 * charged.
 */
@Service
public class ChargeOrder {

    /** The reason orders get when the provider cannot be reached. */
    public static final String PROVIDER_UNAVAILABLE = "payment provider unavailable";

    private static final Logger log = LoggerFactory.getLogger(ChargeOrder.class);

    private final PaymentRepository payments;
    private final CancelledOrders cancelledOrders;
    private final PaymentGateway gateway;
    private final PaymentEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ChargeOrder(
            PaymentRepository payments,
            CancelledOrders cancelledOrders,
            PaymentGateway gateway,
            PaymentEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.payments = payments;
        this.cancelledOrders = cancelledOrders;
        this.gateway = gateway;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What to do after the first step: nothing more, or ask the provider (to charge, or only to look). */
    private sealed interface Next {
        record Settled() implements Next {}

        record Ask(Payment payment, boolean mayCharge) implements Next {}
    }

    public void charge(ChargeOrderCommand command) {
        if (transactions.execute(status -> decide(command)) instanceof Next.Ask ask) {
            ChargeOutcome outcome = ask.mayCharge()
                    ? gateway.charge(command.orderId(), command.amount(), command.paymentMethod())
                    : lookUp(ask.payment());
            transactions.executeWithoutResult(status -> record(ask.payment(), outcome));
        }
    }

    private Next decide(ChargeOrderCommand command) {
        Instant now = clock.instant();
        boolean mayCharge = command.mayBeChargedAt(now) && !cancelledOrders.contains(command.orderId());
        Payment existing = payments.lockByOrderId(command.orderId()).orElse(null);
        if (existing != null) {
            if (existing.status() != PaymentStatus.CHARGING) {
                return new Next.Settled();
            }
            log.info(
                    "Order {} was being charged when its last attempt stopped; asking the provider {}",
                    command.orderId(),
                    mayCharge ? "again" : "what it holds");
            if (!mayCharge) {
                return new Next.Ask(existing, false);
            }
            Payment again = existing.askedAgain(now);
            payments.update(again);
            return new Next.Ask(again, true);
        }
        if (!mayCharge) {
            Payment tooLate = Payment.tooLate(
                    command.orderId(), command.userId(), command.amount(), command.paymentMethod(), now);
            payments.add(tooLate);
            events.publish(new PaymentEvent.Failed(tooLate.orderId(), tooLate.failureReason()));
            log.info("Order {} not charged: it is cancelled or its payment deadline passed", command.orderId());
            return new Next.Settled();
        }
        Payment intent =
                Payment.charging(command.orderId(), command.userId(), command.amount(), command.paymentMethod(), now);
        payments.add(intent);
        return new Next.Ask(intent, true);
    }

    /** A charge found standing is the outcome; none found (yet) is as good as no answer: a refund will settle it. */
    private ChargeOutcome lookUp(Payment payment) {
        return switch (gateway.lookUpCharge(payment.orderId())) {
            case ChargeLookup.Standing standing -> new ChargeOutcome.Charged(standing.chargeId());
            case ChargeLookup.NoneStanding none -> new ChargeOutcome.Unavailable("no charge found before the deadline");
            case ChargeLookup.Unavailable unavailable -> new ChargeOutcome.Unavailable(unavailable.reason());
        };
    }

    private void record(Payment asked, ChargeOutcome outcome) {
        Payment payment = payments.lockByOrderId(asked.orderId()).orElseThrow();
        if (payment.status() != PaymentStatus.CHARGING) {
            return;
        }
        Instant now = clock.instant();
        Payment settled = switch (outcome) {
            case ChargeOutcome.Charged charged -> payment.completed(charged.chargeId(), now);
            case ChargeOutcome.Declined declined -> payment.declined(declined.reason(), now);
            case ChargeOutcome.Unavailable unavailable -> payment.failed(PROVIDER_UNAVAILABLE, now);
        };
        payments.update(settled);
        events.publish(
                settled.status() == PaymentStatus.COMPLETED
                        ? new PaymentEvent.Completed(settled)
                        : new PaymentEvent.Failed(settled.orderId(), settled.failureReason()));
    }
}
