package dev.microshop.paymentprovider.charges;

import java.time.Instant;

/** Money given back on a succeeded charge; always succeeds once accepted. */
public record Refund(
        String id,
        String chargeId,
        String idempotencyKey,
        String requestFingerprint,
        long amountMinor,
        String currency,
        String reason,
        Instant created) {}
