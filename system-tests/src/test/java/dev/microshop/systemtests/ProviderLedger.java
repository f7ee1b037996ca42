package dev.microshop.systemtests;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The external payment provider's books, read the way its own back office would (by our order id as reference). */
final class ProviderLedger {

    private static final String LEDGER = "http://127.0.0.1:8190/ledger?reference=";

    private ProviderLedger() {}

    /** Charged minus refunded, in minor units, for an order. */
    static long netChargedMinor(String orderId) {
        return sum(orderId, "net_minor");
    }

    /** How many charges succeeded for an order (refunded or not). */
    static int chargeCount(String orderId) {
        return (int) sum(orderId, "succeeded_charges");
    }

    /** Sums a figure over the totals the provider keeps per currency (its own lower-case codes). */
    private static long sum(String orderId, String figure) {
        long sum = 0;
        for (JsonNode perCurrency :
                Microshop.json(Microshop.get(LEDGER + orderId, Map.of())).get("totals")) {
            sum += perCurrency.get(figure).asLong();
        }
        return sum;
    }
}
