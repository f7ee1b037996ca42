package dev.microshop.payment.infrastructure.provider;

import java.util.List;

/** The provider's own model, as its API speaks it (snake_case JSON, minor units, lower-case currency). */
final class ProviderModel {

    private ProviderModel() {
    }

    /** {@code POST /v1/charges}. */
    record ChargeRequest(long amountMinor, String currency, String paymentMethod, String reference, String description) {
    }

    /** A charge; {@code status} is {@code succeeded}, {@code declined} or {@code refunded}. */
    record Charge(String id, long amountMinor, String currency, String paymentMethod, String reference, String status,
                  String failureCode, String failureMessage, long amountRefundedMinor, long created) {
    }

    /** A page of charges; {@code hasMore}: ask again with {@code starting_after} the last one. */
    record ChargeList(List<Charge> data, boolean hasMore) {
    }

    /** {@code POST /v1/charges/{id}/refunds}. */
    record RefundRequest(String reason) {
    }

    record Refund(String id, String charge, long amountMinor, String currency, String status) {
    }

    /** Every error: {@code {"error":{"type","code","message","param"}}}. */
    record ErrorResponse(Error error) {
    }

    record Error(String type, String code, String message, String param) {
    }
}
