package dev.microshop.paymentprovider.charges;

import java.time.Instant;

/**
 * A charge as it was made: {@link ChargeStatus#SUCCEEDED} or {@link ChargeStatus#DECLINED}. Refunds are
 * kept beside it; {@link Ledger#statusOf} tells whether it has since been refunded.
 *
 * @param amountMinor the amount in the currency's minor unit (cents)
 * @param currency    lower-case ISO 4217 code
 * @param reference   the merchant's own reference for the charge (an order id), searchable
 * @param requestFingerprint what the request asked for, to recognise a repeat of it under the same idempotency key
 */
public record Charge(
        String id,
        String idempotencyKey,
        String requestFingerprint,
        long amountMinor,
        String currency,
        String paymentMethod,
        String reference,
        String description,
        ChargeStatus status,
        String failureCode,
        String failureMessage,
        Instant created) {}
