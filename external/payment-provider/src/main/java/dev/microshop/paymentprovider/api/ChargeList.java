package dev.microshop.paymentprovider.api;

import java.util.List;

/** A list of charges, as every list the provider returns is wrapped; {@code hasMore}: another page follows. */
record ChargeList(String object, List<ChargeView> data, boolean hasMore) {

    static ChargeList of(List<ChargeView> charges, boolean hasMore) {
        return new ChargeList("list", charges, hasMore);
    }
}
