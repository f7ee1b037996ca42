package dev.microshop.paymentprovider.charges;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Makes charges and refunds under idempotency keys: the same key with the same request gives the
 * same result and never a second charge; the same key with another request is refused.
 */
public class Payments {

    /** What a charge or refund call answers, and whether it is the replay of an earlier call. */
    public record Outcome<T>(T resource, boolean replayed) {}

    /** What a merchant asks to charge. */
    public record ChargeRequest(
            long amountMinor, String currency, String paymentMethod, String reference, String description) {

        String fingerprint() {
            return String.join(
                    "|",
                    "charge",
                    Long.toString(amountMinor),
                    currency,
                    paymentMethod,
                    String.valueOf(reference),
                    String.valueOf(description));
        }
    }

    /** What a merchant asks to refund; no amount means all that is left. */
    public record RefundRequest(Long amountMinor, String reason) {

        String fingerprint(String chargeId) {
            return String.join("|", "refund", chargeId, String.valueOf(amountMinor), String.valueOf(reason));
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ledger ledger;
    private final Clock clock;
    private final Duration slowPaymentDelay;

    public Payments(Ledger ledger, Clock clock, Duration slowPaymentDelay) {
        this.ledger = ledger;
        this.clock = clock;
        this.slowPaymentDelay = slowPaymentDelay;
    }

    public Outcome<Charge> charge(String idempotencyKey, ChargeRequest request) {
        TestPaymentMethod method = TestPaymentMethod.of(request.paymentMethod());
        String fingerprint = request.fingerprint();
        if (ledger.claim(idempotencyKey, fingerprint) instanceof Ledger.Claim.Replay replay) {
            return new Outcome<>(ledger.charge(replay.resourceId()), true);
        }
        try {
            if (method == TestPaymentMethod.SLOW) {
                sleep(slowPaymentDelay);
            }
            boolean declined = method == TestPaymentMethod.DECLINED;
            Charge charge = new Charge(
                    newId("ch"),
                    idempotencyKey,
                    fingerprint,
                    request.amountMinor(),
                    request.currency(),
                    request.paymentMethod(),
                    request.reference(),
                    request.description(),
                    declined ? ChargeStatus.DECLINED : ChargeStatus.SUCCEEDED,
                    declined ? "card_declined" : null,
                    declined ? "The card issuer declined the payment." : null,
                    clock.instant());
            ledger.recordCharge(charge);
            return new Outcome<>(charge, false);
        } catch (RuntimeException failure) {
            ledger.release(idempotencyKey);
            throw failure;
        }
    }

    public Outcome<Refund> refund(String idempotencyKey, String chargeId, RefundRequest request) {
        Charge charge = ledger.charge(chargeId);
        if (request.amountMinor() != null && request.amountMinor() <= 0) {
            throw ProviderException.invalidRequest("amount_invalid", "amount_minor must be positive.", "amount_minor");
        }
        String fingerprint = request.fingerprint(chargeId);
        if (ledger.claim(idempotencyKey, fingerprint) instanceof Ledger.Claim.Replay replay) {
            return new Outcome<>(ledger.refund(replay.resourceId()).orElseThrow(), true);
        }
        try {
            long amount = request.amountMinor() == null ? 0 : request.amountMinor();
            return new Outcome<>(
                    ledger.recordRefund(new Refund(
                            newId("re"),
                            chargeId,
                            idempotencyKey,
                            fingerprint,
                            amount,
                            charge.currency(),
                            request.reason(),
                            clock.instant())),
                    false);
        } catch (RuntimeException failure) {
            ledger.release(idempotencyKey);
            throw failure;
        }
    }

    private static String newId(String prefix) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(500, "api_error", "interrupted", "The request was interrupted.", null);
        }
    }
}
