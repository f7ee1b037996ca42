package dev.microshop.payment.application.payment;

import dev.microshop.payment.application.port.PaymentGateway;
import dev.microshop.payment.application.port.PaymentGateway.ProviderCharge;
import dev.microshop.payment.application.port.PaymentMetrics;
import dev.microshop.payment.application.port.PaymentSettings;
import dev.microshop.payment.domain.payment.CancelledOrders;
import dev.microshop.payment.domain.payment.InvalidPaymentException;
import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentRepository;
import dev.microshop.payment.domain.payment.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares the provider's books with ours over the last {@link PaymentSettings#reconciliationWindow()} and settles
 * what it can: a charge standing for an order that is cancelled, declined or refunded here is paid back. What it
 * cannot settle (a charge for an order we know nothing of, a second charge, a completed payment the provider does
 * not show) is logged for an operator. Every difference is counted ({@link PaymentMetrics}).
 */
@Service
public class ReconcileWithProvider {

    /** How one difference between the books looks. */
    public enum Difference {
        /** A charge stands for an order that is cancelled, declined or refunded here: refunded now. */
        STANDING_CHARGE_OF_SETTLED_ORDER,
        /** A charge stands for a cancelled order that has no payment here: recorded and refunded now. */
        STANDING_CHARGE_OF_CANCELLED_ORDER,
        /** A charge stands for an order we know nothing of. */
        UNKNOWN_CHARGE,
        /** A second charge stands for an order whose payment holds another one. */
        SECOND_CHARGE,
        /** A completed payment whose charge the provider does not show. */
        CHARGE_MISSING_AT_PROVIDER
    }

    private static final Logger log = LoggerFactory.getLogger(ReconcileWithProvider.class);

    private final PaymentRepository payments;
    private final CancelledOrders cancelledOrders;
    private final PaymentGateway gateway;
    private final SettleRefund settleRefund;
    private final PaymentSettings settings;
    private final PaymentMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ReconcileWithProvider(
            PaymentRepository payments,
            CancelledOrders cancelledOrders,
            PaymentGateway gateway,
            SettleRefund settleRefund,
            PaymentSettings settings,
            PaymentMetrics metrics,
            TransactionTemplate transactions,
            Clock clock) {
        this.payments = payments;
        this.cancelledOrders = cancelledOrders;
        this.gateway = gateway;
        this.settleRefund = settleRefund;
        this.settings = settings;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One round; returns the differences found. */
    public List<Difference> reconcile() {
        Instant now = clock.instant();
        Instant since = now.minus(settings.reconciliationWindow());
        List<ProviderCharge> charges = gateway.chargesSince(since);
        Map<String, OrderId> orderIds = charges.stream()
                .map(ProviderCharge::reference)
                .distinct()
                .flatMap(reference -> orderId(reference).stream())
                .collect(Collectors.toMap(OrderId::value, Function.identity()));
        Map<OrderId, Payment> ours = payments.findByOrderIds(orderIds.values()).stream()
                .collect(Collectors.toMap(Payment::orderId, Function.identity()));
        Set<OrderId> cancelled = cancelledOrders.amongst(orderIds.values());

        List<Difference> found = new ArrayList<>();
        for (ProviderCharge charge : charges) {
            if (charge.standing()) {
                OrderId orderId = orderIds.get(charge.reference());
                compare(
                                charge,
                                orderId,
                                orderId == null ? null : ours.get(orderId),
                                orderId != null && cancelled.contains(orderId))
                        .ifPresent(found::add);
            }
        }
        Set<String> chargeIds = new HashSet<>();
        charges.forEach(charge -> chargeIds.add(charge.chargeId()));
        // A charge is made after its payment was recorded: completed payments from the start of the window on,
        // up to a moment ago, must all be among the provider's charges of the window.
        for (Payment payment : payments.completedBetween(since, now.minus(settings.chargeSettlesWithin()))) {
            if (!chargeIds.contains(payment.providerChargeId())) {
                log.error(
                        "Reconciliation: order {} is paid with charge {}, which the provider does not show",
                        payment.orderId(),
                        payment.providerChargeId());
                found.add(Difference.CHARGE_MISSING_AT_PROVIDER);
            }
        }
        found.forEach(difference -> metrics.reconciliationDifference(difference.name()));
        return found;
    }

    private Optional<Difference> compare(ProviderCharge charge, OrderId orderId, Payment payment, boolean cancelled) {
        if (payment == null) {
            if (!cancelled) {
                log.error(
                        "Reconciliation: charge {} ({} {}) stands for '{}', an order with no payment here",
                        charge.chargeId(),
                        charge.amount().amount(),
                        charge.amount().currency(),
                        charge.reference());
                return Optional.of(Difference.UNKNOWN_CHARGE);
            }
            log.warn(
                    "Reconciliation: charge {} stands for cancelled order {}, which has no payment: refunding it",
                    charge.chargeId(),
                    orderId);
            refund(
                    orderId,
                    () -> payments.add(Payment.standingChargeOfCancelledOrder(
                            orderId, charge.amount(), charge.paymentMethod(), charge.chargeId(), clock.instant())));
            return Optional.of(Difference.STANDING_CHARGE_OF_CANCELLED_ORDER);
        }
        return switch (payment.status()) {
            case DECLINED, VOIDED, REFUNDED -> {
                log.warn(
                        "Reconciliation: charge {} stands for order {}, whose payment is {}: refunding it",
                        charge.chargeId(),
                        orderId,
                        payment.status());
                refund(
                        orderId,
                        () -> payments.lockByOrderId(orderId)
                                .filter(locked -> locked.status() == payment.status())
                                .ifPresent(locked -> payments.update(locked.chargeFoundStanding(clock.instant()))));
                yield Optional.of(Difference.STANDING_CHARGE_OF_SETTLED_ORDER);
            }
            case COMPLETED -> {
                if (charge.chargeId().equals(payment.providerChargeId())) {
                    yield Optional.empty();
                }
                log.error(
                        "Reconciliation: charge {} stands for order {}, which is paid with charge {}",
                        charge.chargeId(),
                        orderId,
                        payment.providerChargeId());
                yield Optional.of(Difference.SECOND_CHARGE);
            }
            // Being settled: the charge's outcome or its refund is still on its way.
            case CHARGING, FAILED, REFUND_PENDING -> Optional.empty();
        };
    }

    /** Makes the refund due (in {@code reopen}) and tries it at once, in one transaction. */
    private void refund(OrderId orderId, Runnable reopen) {
        transactions.executeWithoutResult(status -> {
            reopen.run();
            Payment settled = settleRefund.settle(orderId);
            if (settled.status() != PaymentStatus.REFUNDED) {
                log.warn("Reconciliation: the refund of order {} is due and will be tried again", orderId);
            }
        });
    }

    private static Optional<OrderId> orderId(String reference) {
        try {
            return Optional.of(new OrderId(reference));
        } catch (InvalidPaymentException notOurs) {
            return Optional.empty();
        }
    }
}
