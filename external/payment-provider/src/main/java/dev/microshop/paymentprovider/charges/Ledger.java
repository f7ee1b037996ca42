package dev.microshop.paymentprovider.charges;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every charge and refund the provider made, in order, and the idempotency keys that made them. All
 * changes go through one lock; slow work (a slow payment method) happens between {@link #claim} and
 * {@link #recordCharge} without holding it. Kept in memory and, when a file is configured, in that file.
 */
public class Ledger {

    /** What a new request with an idempotency key may do. */
    public sealed interface Claim {
        /** The key is new: go ahead, then record the result or {@link #release} the key. */
        record Fresh() implements Claim {}

        /** The key already made this resource for the same request: answer it again. */
        record Replay(String resourceId) implements Claim {}
    }

    /** Up to a page of charges in the order they were made, and whether more that match come after them. */
    public record ChargePage(List<Charge> charges, boolean hasMore) {}

    /** What an idempotency key was used for. */
    private record KeyUse(String fingerprint, String resourceId) {}

    private final LedgerFile file;
    // Charges in the order they were made, with each one's position, so a page can start right after any charge.
    private final List<Charge> chargesInOrder = new ArrayList<>();
    private final Map<String, Integer> chargePositions = new HashMap<>();
    private final Map<String, Refund> refunds = new LinkedHashMap<>();
    private final Map<String, Long> refundedMinorByCharge = new HashMap<>();
    private final List<Object> entries = new ArrayList<>();
    private final Map<String, KeyUse> usedKeys = new HashMap<>();
    private final Set<String> keysInProgress = new HashSet<>();

    public Ledger(LedgerFile file) {
        this.file = file;
        file.readAll().forEach(entry -> {
            switch (entry) {
                case Charge charge -> add(charge);
                case Refund refund -> add(refund);
                default -> throw new IllegalStateException("Unknown ledger entry " + entry);
            }
        });
    }

    /**
     * Claims {@code idempotencyKey} for a request: fresh, a replay of the same request, or refused
     * (409 while the first request is still running, 422 for a different request under the same key).
     */
    public synchronized Claim claim(String idempotencyKey, String fingerprint) {
        if (keysInProgress.contains(idempotencyKey)) {
            throw new ProviderException(
                    409,
                    "idempotency_error",
                    "idempotency_key_in_use",
                    "A request with this Idempotency-Key is still being processed; retry later.",
                    null);
        }
        KeyUse used = usedKeys.get(idempotencyKey);
        if (used == null) {
            keysInProgress.add(idempotencyKey);
            return new Claim.Fresh();
        }
        if (!used.fingerprint().equals(fingerprint)) {
            throw new ProviderException(
                    422,
                    "idempotency_error",
                    "idempotency_key_reused",
                    "This Idempotency-Key was used with different request parameters.",
                    null);
        }
        return new Claim.Replay(used.resourceId());
    }

    /** Gives a claimed key back when its request failed before anything was recorded. */
    public synchronized void release(String idempotencyKey) {
        keysInProgress.remove(idempotencyKey);
    }

    public synchronized void recordCharge(Charge charge) {
        file.append(charge);
        add(charge);
        keysInProgress.remove(charge.idempotencyKey());
    }

    /** Records a refund if the charge can still give back that much; checked under the lock, so refunds never exceed the charge. */
    public synchronized Refund recordRefund(Refund refund) {
        Charge charge = charge(refund.chargeId());
        if (charge.status() != ChargeStatus.SUCCEEDED) {
            throw ProviderException.invalidRequest(
                    "charge_not_refundable",
                    "Charge " + charge.id() + " was " + charge.status().wireName() + "; there is nothing to refund.",
                    "charge");
        }
        long refundable = charge.amountMinor() - refundedMinor(charge.id());
        if (refundable == 0) {
            throw ProviderException.invalidRequest(
                    "charge_already_refunded", "Charge " + charge.id() + " has already been refunded.", "charge");
        }
        Refund accepted = refund.amountMinor() == 0 ? withAmount(refund, refundable) : refund;
        if (accepted.amountMinor() > refundable) {
            throw ProviderException.invalidRequest(
                    "amount_too_large",
                    "Refund amount (" + accepted.amountMinor() + ") is greater than what is left on the charge ("
                            + refundable + ").",
                    "amount_minor");
        }
        file.append(accepted);
        add(accepted);
        keysInProgress.remove(accepted.idempotencyKey());
        return accepted;
    }

    public synchronized Charge charge(String id) {
        Integer position = chargePositions.get(id);
        if (position == null) {
            throw ProviderException.notFound("No such charge: '" + id + "'", "charge");
        }
        return chargesInOrder.get(position);
    }

    public synchronized Optional<Refund> refund(String id) {
        return Optional.ofNullable(refunds.get(id));
    }

    public synchronized List<Charge> chargesWithReference(String reference) {
        return chargesInOrder.stream()
                .filter(charge -> reference.equals(charge.reference()))
                .toList();
    }

    /**
     * Up to {@code limit} charges created from {@code createdGte} up to, not including, {@code createdLt} (epoch
     * seconds), in the order they were made, after the charge {@code startingAfter} (null: from the first one).
     * Charges are only ever appended, so paging on with the last id neither skips nor repeats one.
     */
    public synchronized ChargePage chargesCreated(long createdGte, long createdLt, String startingAfter, int limit) {
        int start = 0;
        if (startingAfter != null) {
            Integer position = chargePositions.get(startingAfter);
            if (position == null) {
                throw ProviderException.invalidRequest(
                        "resource_missing", "No such charge: '" + startingAfter + "'", "starting_after");
            }
            start = position + 1;
        }
        // Filtered rather than searched: a slow or concurrent charge may be recorded after a later-created one.
        List<Charge> page = new ArrayList<>();
        for (Charge charge : chargesInOrder.subList(start, chargesInOrder.size())) {
            long created = charge.created().getEpochSecond();
            if (created >= createdGte && created < createdLt) {
                if (page.size() == limit) {
                    return new ChargePage(page, true);
                }
                page.add(charge);
            }
        }
        return new ChargePage(page, false);
    }

    public synchronized long refundedMinor(String chargeId) {
        return refundedMinorByCharge.getOrDefault(chargeId, 0L);
    }

    /** A succeeded charge is refunded once all of it has been given back. */
    public synchronized ChargeStatus statusOf(Charge charge) {
        return charge.status() == ChargeStatus.SUCCEEDED && refundedMinor(charge.id()) == charge.amountMinor()
                ? ChargeStatus.REFUNDED
                : charge.status();
    }

    /** Charges and refunds in the order they were made. */
    public synchronized List<Object> entries() {
        return List.copyOf(entries);
    }

    private void add(Charge charge) {
        chargePositions.put(charge.id(), chargesInOrder.size());
        chargesInOrder.add(charge);
        entries.add(charge);
        usedKeys.put(charge.idempotencyKey(), new KeyUse(charge.requestFingerprint(), charge.id()));
    }

    private void add(Refund refund) {
        refunds.put(refund.id(), refund);
        refundedMinorByCharge.merge(refund.chargeId(), refund.amountMinor(), Long::sum);
        entries.add(refund);
        usedKeys.put(refund.idempotencyKey(), new KeyUse(refund.requestFingerprint(), refund.id()));
    }

    private static Refund withAmount(Refund refund, long amountMinor) {
        return new Refund(
                refund.id(),
                refund.chargeId(),
                refund.idempotencyKey(),
                refund.requestFingerprint(),
                amountMinor,
                refund.currency(),
                refund.reason(),
                refund.created());
    }
}
