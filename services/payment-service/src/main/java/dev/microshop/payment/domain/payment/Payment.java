package dev.microshop.payment.domain.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * The payment of one order: made once with the outcome of its charge, then, if the order is cancelled,
 * refunded. A charge that may exist at the provider is never left standing for a cancelled order.
 *
 * @param providerChargeId the provider's id of the charge, when it charged
 * @param failureReason    why nothing was charged, when it did not
 * @param providerRefundId the provider's id of the refund, once refunded
 */
public record Payment(PaymentId id, OrderId orderId, String userId, Money amount, String paymentMethod,
                      PaymentStatus status, String providerChargeId, String failureReason, String providerRefundId,
                      Instant createdAt, Instant updatedAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (paymentMethod == null || paymentMethod.isBlank()) {
            throw new InvalidPaymentException("A payment needs a payment method");
        }
    }

    public static Payment completed(OrderId orderId, String userId, Money amount, String paymentMethod,
                                    String providerChargeId, Instant now) {
        return new Payment(PaymentId.newId(), orderId, userId, amount, paymentMethod, PaymentStatus.COMPLETED,
                Objects.requireNonNull(providerChargeId, "providerChargeId"), null, null, now, now);
    }

    public static Payment declined(OrderId orderId, String userId, Money amount, String paymentMethod, String reason,
                                   Instant now) {
        return new Payment(PaymentId.newId(), orderId, userId, amount, paymentMethod, PaymentStatus.DECLINED, null,
                reason, null, now, now);
    }

    /** The provider did not answer in time or at all; a charge may exist that a cancellation will have to undo. */
    public static Payment failed(OrderId orderId, String userId, Money amount, String paymentMethod, String reason,
                                 Instant now) {
        return new Payment(PaymentId.newId(), orderId, userId, amount, paymentMethod, PaymentStatus.FAILED, null,
                reason, null, now, now);
    }

    /**
     * The order was cancelled: a charge that stands, or may stand, is to be refunded. A declined or already
     * settled payment stays as it is.
     */
    public Payment orderCancelled(Instant now) {
        return switch (status) {
            case COMPLETED, FAILED -> with(PaymentStatus.REFUND_PENDING, providerRefundId, now);
            case DECLINED, REFUND_PENDING, REFUNDED, VOIDED -> this;
        };
    }

    public boolean refundDue() {
        return status == PaymentStatus.REFUND_PENDING;
    }

    public Payment refunded(String refundId, Instant now) {
        requireRefundDue();
        return with(PaymentStatus.REFUNDED, Objects.requireNonNull(refundId, "refundId"), now);
    }

    /** The provider held no charge for the order: nothing to give back. */
    public Payment voided(Instant now) {
        requireRefundDue();
        return with(PaymentStatus.VOIDED, null, now);
    }

    private void requireRefundDue() {
        if (!refundDue()) {
            throw new IllegalStateException("Payment " + id + " of order " + orderId + " is " + status
                    + ", no refund is due");
        }
    }

    private Payment with(PaymentStatus newStatus, String refundId, Instant now) {
        return new Payment(id, orderId, userId, amount, paymentMethod, newStatus, providerChargeId, failureReason,
                refundId, createdAt, now);
    }
}
