package dev.microshop.payment.application.port;

import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;

/**
 * The payment provider in our terms. Every call is idempotent per order: charging an order again never
 * charges it twice, refunding it again never refunds twice.
 */
public interface PaymentGateway {

    /** What a charge came to. */
    sealed interface ChargeOutcome {
        record Charged(String chargeId) implements ChargeOutcome {
        }

        /** The provider said no: nothing is charged. */
        record Declined(String reason) implements ChargeOutcome {
        }

        /** No answer (down, too slow, circuit open): a charge may or may not exist. */
        record Unavailable(String reason) implements ChargeOutcome {
        }
    }

    /** What a refund came to. */
    sealed interface RefundOutcome {
        record Refunded(String refundId, Money amount) implements RefundOutcome {
        }

        /** The provider holds no charge for the order. */
        record NothingCharged() implements RefundOutcome {
        }

        record Unavailable(String reason) implements RefundOutcome {
        }
    }

    /** Charges {@code amount} for the order; the order id is the idempotency key. */
    ChargeOutcome charge(OrderId orderId, Money amount, String paymentMethod);

    /** Pays back whatever the provider holds charged for the order. */
    RefundOutcome refund(OrderId orderId);
}
