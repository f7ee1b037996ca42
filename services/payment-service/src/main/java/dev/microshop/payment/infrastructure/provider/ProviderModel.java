package dev.microshop.payment.infrastructure.provider;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The provider's own model, as its API speaks it (snake_case JSON, minor units, lower-case currency). */
final class ProviderModel {

    private ProviderModel() {}

    /** {@code POST /v1/charges}. */
    record ChargeRequest(
            long amountMinor, String currency, String paymentMethod, String reference, String description) {}

    record Charge(
            String id,
            long amountMinor,
            String currency,
            String paymentMethod,
            String reference,
            ChargeStatus status,
            String failureCode,
            String failureMessage,
            long amountRefundedMinor,
            long created) {}

    /** A charge's status under its name on the wire; a status the provider adds later reads as {@link #UNKNOWN}. */
    enum ChargeStatus {
        @JsonProperty("succeeded")
        SUCCEEDED,
        @JsonProperty("declined")
        DECLINED,
        @JsonProperty("refunded")
        REFUNDED,
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /** A page of charges; {@code hasMore}: ask again with {@code starting_after} the last one. */
    record ChargeList(List<Charge> data, boolean hasMore) {}

    /** {@code POST /v1/charges/{id}/refunds}. */
    record RefundRequest(String reason) {}

    record Refund(String id, String charge, long amountMinor, String currency, String status) {}

    /** Every error: {@code {"error":{"type","code","message","param"}}}. */
    record ErrorResponse(Error error) {}

    record Error(String type, String code, String message, String param) {}
}
