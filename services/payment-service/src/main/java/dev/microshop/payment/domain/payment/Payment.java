package dev.microshop.payment.domain.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The payment of one order. It is recorded as CHARGING before the provider is asked, so that a charge the provider
 * makes is always found again, whatever happens to the answer; it then holds the outcome of that charge and, if
 * the order is cancelled, its refund. A charge that may exist at the provider is never left standing for a
 * cancelled order.
 *
 * @param providerChargeId  the provider's id of the charge, when it charged
 * @param failureReason     why nothing was charged, when it did not
 * @param providerRefundId  the provider's id of the refund, once refunded
 * @param chargeAttemptedAt when the provider was last asked to charge (null: never, so nothing can stand charged)
 */
public record Payment(
        PaymentId id,
        OrderId orderId,
        String userId,
        Money amount,
        String paymentMethod,
        PaymentStatus status,
        String providerChargeId,
        String failureReason,
        String providerRefundId,
        Instant chargeAttemptedAt,
        Instant createdAt,
        Instant updatedAt) {

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

    /** The intent to charge, recorded before the provider is asked. */
    public static Payment charging(OrderId orderId, String userId, Money amount, String paymentMethod, Instant now) {
        return new Payment(
                PaymentId.newId(),
                orderId,
                userId,
                amount,
                paymentMethod,
                PaymentStatus.CHARGING,
                null,
                null,
                null,
                now,
                now,
                now);
    }

    /** Not charged, and the provider never asked: the order's payment deadline had passed. */
    public static Payment tooLate(OrderId orderId, String userId, Money amount, String paymentMethod, Instant now) {
        return new Payment(
                PaymentId.newId(),
                orderId,
                userId,
                amount,
                paymentMethod,
                PaymentStatus.DECLINED,
                null,
                "not charged: the order's payment deadline had passed",
                null,
                null,
                now,
                now);
    }

    /**
     * A charge the provider holds for a cancelled order that has no payment here (the reconciler found it): it is to
     * be paid back.
     */
    public static Payment standingChargeOfCancelledOrder(
            OrderId orderId, Money amount, String paymentMethod, String providerChargeId, Instant now) {
        return new Payment(
                PaymentId.newId(),
                orderId,
                null,
                amount,
                paymentMethod,
                PaymentStatus.REFUND_PENDING,
                Objects.requireNonNull(providerChargeId, "providerChargeId"),
                null,
                null,
                now,
                now,
                now);
    }

    /** The provider is asked again with the same idempotency key: it answers with the charge it made, if any. */
    public Payment askedAgain(Instant now) {
        requireCharging();
        return new Payment(
                id,
                orderId,
                userId,
                amount,
                paymentMethod,
                status,
                providerChargeId,
                failureReason,
                providerRefundId,
                now,
                createdAt,
                now);
    }

    public Payment completed(String chargeId, Instant now) {
        requireCharging();
        return new Payment(
                id,
                orderId,
                userId,
                amount,
                paymentMethod,
                PaymentStatus.COMPLETED,
                Objects.requireNonNull(chargeId, "chargeId"),
                null,
                null,
                chargeAttemptedAt,
                createdAt,
                now);
    }

    /** The provider said no: nothing is charged. */
    public Payment declined(String reason, Instant now) {
        requireCharging();
        return new Payment(
                id,
                orderId,
                userId,
                amount,
                paymentMethod,
                PaymentStatus.DECLINED,
                null,
                reason,
                null,
                chargeAttemptedAt,
                createdAt,
                now);
    }

    /** No answer (down, too slow, circuit open): a charge may exist, which a cancellation will have to undo. */
    public Payment failed(String reason, Instant now) {
        requireCharging();
        return new Payment(
                id,
                orderId,
                userId,
                amount,
                paymentMethod,
                PaymentStatus.FAILED,
                null,
                reason,
                null,
                chargeAttemptedAt,
                createdAt,
                now);
    }

    /**
     * The order was cancelled: a charge that stands, or may stand, is to be refunded. A declined or already
     * settled payment stays as it is.
     */
    public Payment orderCancelled(Instant now) {
        return switch (status) {
            case CHARGING, COMPLETED, FAILED -> with(PaymentStatus.REFUND_PENDING, providerRefundId, now);
            case DECLINED, REFUND_PENDING, REFUNDED, VOIDED -> this;
        };
    }

    /** The provider holds a charge for an order that was declined, cancelled or refunded here: pay it back. */
    public Payment chargeFoundStanding(Instant now) {
        return switch (status) {
            case DECLINED, VOIDED, REFUNDED -> with(PaymentStatus.REFUND_PENDING, providerRefundId, now);
            case CHARGING, COMPLETED, FAILED, REFUND_PENDING -> this;
        };
    }

    public boolean refundDue() {
        return status == PaymentStatus.REFUND_PENDING;
    }

    /**
     * Whether a charge whose answer never came may still appear at the provider: a request that left less than
     * {@code settlesWithin} ago may still be in its hands.
     */
    public boolean chargeMayStillAppear(Instant now, Duration settlesWithin) {
        return providerChargeId == null
                && chargeAttemptedAt != null
                && chargeAttemptedAt.plus(settlesWithin).isAfter(now);
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

    private void requireCharging() {
        if (status != PaymentStatus.CHARGING) {
            throw new IllegalStateException(
                    "Payment " + id + " of order " + orderId + " is " + status + ", its charge is settled");
        }
    }

    private void requireRefundDue() {
        if (!refundDue()) {
            throw new IllegalStateException(
                    "Payment " + id + " of order " + orderId + " is " + status + ", no refund is due");
        }
    }

    private Payment with(PaymentStatus newStatus, String refundId, Instant now) {
        return new Payment(
                id,
                orderId,
                userId,
                amount,
                paymentMethod,
                newStatus,
                providerChargeId,
                failureReason,
                refundId,
                chargeAttemptedAt,
                createdAt,
                now);
    }
}
