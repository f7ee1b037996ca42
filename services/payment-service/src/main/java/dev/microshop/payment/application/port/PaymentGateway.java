package dev.microshop.payment.application.port;

import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;
import java.time.Instant;
import java.util.List;

/**
 * The payment provider in our terms. Every call is idempotent per order: charging an order again never
 * charges it twice, refunding it again never refunds twice.
 */
public interface PaymentGateway {

    /** What a charge came to. */
    sealed interface ChargeOutcome {
        record Charged(String chargeId) implements ChargeOutcome {}

        /** The provider said no: nothing is charged. */
        record Declined(String reason) implements ChargeOutcome {}

        /** No answer (down, too slow, circuit open): a charge may or may not exist. */
        record Unavailable(String reason) implements ChargeOutcome {}
    }

    /** What a refund came to. */
    sealed interface RefundOutcome {
        record Refunded(String refundId, Money amount) implements RefundOutcome {}

        /** The provider holds no charge for the order. */
        record NothingCharged() implements RefundOutcome {}

        record Unavailable(String reason) implements RefundOutcome {}
    }

    /** What the provider holds for an order, asked without charging. */
    sealed interface ChargeLookup {
        record Standing(String chargeId) implements ChargeLookup {}

        /** No charge stands (none was made, or it was declined or paid back). */
        record NoneStanding() implements ChargeLookup {}

        record Unavailable(String reason) implements ChargeLookup {}
    }

    /**
     * A charge in the provider's books.
     *
     * @param reference what the charge was made for: our order id, or anything if someone else made it
     * @param standing  charged and not paid back
     */
    record ProviderCharge(
            String chargeId, String reference, Money amount, String paymentMethod, boolean standing, Instant created) {}

    /** Charges {@code amount} for the order; the order id is the idempotency key. */
    ChargeOutcome charge(OrderId orderId, Money amount, String paymentMethod);

    /** Pays back whatever the provider holds charged for the order. */
    RefundOutcome refund(OrderId orderId);

    ChargeLookup lookUpCharge(OrderId orderId);

    /** Every charge the provider made since {@code since}, oldest first; fails when the provider cannot be asked. */
    List<ProviderCharge> chargesSince(Instant since);
}
