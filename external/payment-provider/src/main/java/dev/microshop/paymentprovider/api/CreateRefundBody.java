package dev.microshop.paymentprovider.api;

import dev.microshop.paymentprovider.charges.Payments.RefundRequest;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /v1/charges/{id}/refunds}: without an amount, everything left on the charge is refunded. */
record CreateRefundBody(
        @Positive Long amountMinor, @Size(max = 200) String reason) {

    RefundRequest toRequest() {
        return new RefundRequest(amountMinor, reason);
    }
}
