package dev.microshop.paymentprovider.api;

import dev.microshop.paymentprovider.charges.Charge;
import dev.microshop.paymentprovider.charges.ChargeStatus;
import dev.microshop.paymentprovider.charges.Ledger;
import dev.microshop.paymentprovider.charges.Refund;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The books, for tests and people: every charge and refund in order, optionally only those of one
 * reference or idempotency key, with totals; and the net amount per reference.
 */
@RestController
@RequestMapping("/ledger")
class LedgerController {

    /** One line of the books. A refund carries the reference of the charge it pays back. */
    record Entry(
            int sequence,
            String type,
            String id,
            String charge,
            String idempotencyKey,
            String reference,
            long amountMinor,
            String currency,
            String status,
            long created) {}

    /** Sums of succeeded charges and of refunds, in one currency. */
    record Totals(int succeededCharges, long chargedMinor, long refundedMinor, long netMinor) {

        static final Totals NONE = new Totals(0, 0, 0, 0);

        Totals plus(Entry entry) {
            if (entry.type().equals("refund")) {
                return new Totals(
                        succeededCharges,
                        chargedMinor,
                        refundedMinor + entry.amountMinor(),
                        netMinor - entry.amountMinor());
            }
            if (entry.status().equals(ChargeStatus.SUCCEEDED.wireName())) {
                return new Totals(
                        succeededCharges + 1,
                        chargedMinor + entry.amountMinor(),
                        refundedMinor,
                        netMinor + entry.amountMinor());
            }
            return this;
        }

        Totals combine(Totals other) {
            return new Totals(
                    succeededCharges + other.succeededCharges,
                    chargedMinor + other.chargedMinor,
                    refundedMinor + other.refundedMinor,
                    netMinor + other.netMinor);
        }
    }

    /** The entries asked for and their totals per currency. */
    record Books(List<Entry> entries, Map<String, Totals> totals) {}

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    Books books(
            @RequestParam(required = false) String reference,
            @RequestParam(name = "idempotency_key", required = false) String idempotencyKey) {
        List<Entry> entries = entries().stream()
                .filter(entry -> reference == null || reference.equals(entry.reference()))
                .filter(entry -> idempotencyKey == null || idempotencyKey.equals(entry.idempotencyKey()))
                .toList();
        Map<String, Totals> totals = new TreeMap<>();
        entries.forEach(entry -> totals.merge(entry.currency(), Totals.NONE.plus(entry), Totals::combine));
        return new Books(entries, totals);
    }

    /** Per reference (order), what stands charged: a confirmed order shows one charge netting its amount, a cancelled one nets zero. */
    @GetMapping("/references")
    Map<String, Totals> byReference() {
        Map<String, Totals> totals = new TreeMap<>();
        for (Entry entry : entries()) {
            if (entry.reference() != null) {
                totals.merge(entry.reference(), Totals.NONE.plus(entry), Totals::combine);
            }
        }
        return totals;
    }

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Object recorded : ledger.entries()) {
            int sequence = entries.size() + 1;
            entries.add(
                    switch (recorded) {
                        case Charge charge ->
                            new Entry(
                                    sequence,
                                    "charge",
                                    charge.id(),
                                    null,
                                    charge.idempotencyKey(),
                                    charge.reference(),
                                    charge.amountMinor(),
                                    charge.currency(),
                                    charge.status().wireName(),
                                    charge.created().getEpochSecond());
                        case Refund refund ->
                            new Entry(
                                    sequence,
                                    "refund",
                                    refund.id(),
                                    refund.chargeId(),
                                    refund.idempotencyKey(),
                                    ledger.charge(refund.chargeId()).reference(),
                                    refund.amountMinor(),
                                    refund.currency(),
                                    "succeeded",
                                    refund.created().getEpochSecond());
                        default -> throw new IllegalStateException("Unknown ledger entry " + recorded);
                    });
        }
        return entries;
    }
}
