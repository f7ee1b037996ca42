package dev.microshop.paymentprovider.charges;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a charge stands, as the provider names it on the wire. */
public enum ChargeStatus {
    SUCCEEDED("succeeded"),
    DECLINED("declined"),
    REFUNDED("refunded");

    private final String wireName;

    ChargeStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
