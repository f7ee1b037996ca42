package dev.microshop.paymentprovider.api;

import dev.microshop.paymentprovider.charges.Refund;

/** A refund on the wire. */
record RefundView(
        String id,
        String object,
        String charge,
        long amountMinor,
        String currency,
        String reason,
        String status,
        long created) {

    static RefundView of(Refund refund) {
        return new RefundView(
                refund.id(),
                "refund",
                refund.chargeId(),
                refund.amountMinor(),
                refund.currency(),
                refund.reason(),
                "succeeded",
                refund.created().getEpochSecond());
    }
}
