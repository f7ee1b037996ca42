package dev.microshop.paymentprovider.api;

import dev.microshop.paymentprovider.charges.Charge;
import dev.microshop.paymentprovider.charges.ChargeStatus;
import dev.microshop.paymentprovider.charges.Ledger;

/** A charge on the wire: minor units, lower-case currency, epoch-second timestamps. */
record ChargeView(
        String id,
        String object,
        long amountMinor,
        String currency,
        String paymentMethod,
        String reference,
        String description,
        ChargeStatus status,
        String failureCode,
        String failureMessage,
        long amountRefundedMinor,
        long created) {

    static ChargeView of(Charge charge, Ledger ledger) {
        return new ChargeView(
                charge.id(),
                "charge",
                charge.amountMinor(),
                charge.currency(),
                charge.paymentMethod(),
                charge.reference(),
                charge.description(),
                ledger.statusOf(charge),
                charge.failureCode(),
                charge.failureMessage(),
                ledger.refundedMinor(charge.id()),
                charge.created().getEpochSecond());
    }
}
