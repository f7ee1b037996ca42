package dev.microshop.payment.infrastructure.provider;

import dev.microshop.payment.application.port.PaymentGateway;
import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaymentGateway} over the external provider: translates our orders and money into its charges
 * (minor units, its statuses, its errors) and back, with the order id as the charge's idempotency key.
 */
class ProviderPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(ProviderPaymentGateway.class);

    private final ProviderClient client;
    private final ProviderResilience resilience;

    ProviderPaymentGateway(ProviderClient client, ProviderResilience resilience) {
        this.client = client;
        this.resilience = resilience;
    }

    @Override
    public ChargeOutcome charge(OrderId orderId, Money amount, String paymentMethod) {
        ProviderModel.ChargeRequest request = ProviderTranslation.chargeRequest(orderId, amount, paymentMethod);
        try {
            return ProviderTranslation.outcome(resilience.call(() -> client.createCharge(orderId.value(), request)));
        } catch (ProviderRejectedException rejected) {
            log.warn("Charge of order {} refused: {}", orderId, rejected.getMessage());
            return ProviderTranslation.outcome(rejected);
        } catch (ProviderUnavailableException unavailable) {
            log.warn("Charge of order {} failed: {}", orderId, unavailable.getMessage());
            return new ChargeOutcome.Unavailable(unavailable.getMessage());
        }
    }

    @Override
    public ChargeLookup lookUpCharge(OrderId orderId) {
        try {
            return resilience.call(() -> client.chargesWithReference(orderId.value())).stream()
                    .filter(ProviderPaymentGateway::standing)
                    .findFirst()
                    .<ChargeLookup>map(charge -> new ChargeLookup.Standing(charge.id()))
                    .orElseGet(ChargeLookup.NoneStanding::new);
        } catch (ProviderRejectedException | ProviderUnavailableException failed) {
            log.warn("Could not look up the charge of order {}: {}", orderId, failed.getMessage());
            return new ChargeLookup.Unavailable(failed.getMessage());
        }
    }

    @Override
    public List<ProviderCharge> chargesSince(Instant since) {
        List<ProviderCharge> charges = new ArrayList<>();
        String after = null;
        ProviderModel.ChargeList page;
        do {
            String startingAfter = after;
            page = resilience.call(() -> client.chargesCreated(since.getEpochSecond(), startingAfter));
            for (ProviderModel.Charge charge : page.data()) {
                charges.add(new ProviderCharge(
                        charge.id(),
                        charge.reference(),
                        ProviderTranslation.money(charge.amountMinor(), charge.currency()),
                        charge.paymentMethod(),
                        standing(charge),
                        Instant.ofEpochSecond(charge.created())));
                after = charge.id();
            }
        } while (page.hasMore() && !page.data().isEmpty());
        return charges;
    }

    /** Charged and not (fully) paid back. */
    private static boolean standing(ProviderModel.Charge charge) {
        return charge.status() == ProviderModel.ChargeStatus.SUCCEEDED
                && charge.amountRefundedMinor() < charge.amountMinor();
    }

    /**
     * Looks up what the provider holds for the order (a charge whose answer was lost included) and refunds
     * each charge that still stands, under a key per charge, so a repeated refund is answered, not made again.
     */
    @Override
    public RefundOutcome refund(OrderId orderId) {
        try {
            List<ProviderModel.Charge> standing =
                    resilience.call(() -> client.chargesWithReference(orderId.value())).stream()
                            .filter(charge -> charge.status() != ProviderModel.ChargeStatus.DECLINED)
                            .toList();
            if (standing.isEmpty()) {
                return new RefundOutcome.NothingCharged();
            }
            RefundOutcome.Refunded total = null;
            for (ProviderModel.Charge charge : standing) {
                ProviderModel.Refund refund = resilience.call(() -> client.createRefund(
                        ProviderTranslation.refundKey(charge.id()),
                        charge.id(),
                        new ProviderModel.RefundRequest("microshop order " + orderId.value() + " cancelled")));
                Money amount = ProviderTranslation.money(refund.amountMinor(), refund.currency());
                total = total == null
                        ? new RefundOutcome.Refunded(refund.id(), amount)
                        : new RefundOutcome.Refunded(
                                total.refundId(),
                                new Money(total.amount().amount().add(amount.amount()), amount.currency()));
            }
            return total;
        } catch (ProviderRejectedException | ProviderUnavailableException failed) {
            log.warn("Refund of order {} not made yet: {}", orderId, failed.getMessage());
            return new RefundOutcome.Unavailable(failed.getMessage());
        }
    }
}
