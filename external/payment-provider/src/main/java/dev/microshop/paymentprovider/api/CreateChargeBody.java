package dev.microshop.paymentprovider.api;

import dev.microshop.paymentprovider.charges.Payments.ChargeRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /v1/charges}: the amount in minor units and a lower-case ISO currency code. */
record CreateChargeBody(
        @NotNull @Positive Long amountMinor,

        @NotNull @Pattern(regexp = "[a-z]{3}", message = "must be a lower-case ISO 4217 code")
        String currency,

        @NotBlank String paymentMethod,
        @Size(max = 200) String reference,
        @Size(max = 500) String description) {

    ChargeRequest toRequest() {
        return new ChargeRequest(amountMinor, currency, paymentMethod, reference, description);
    }
}
