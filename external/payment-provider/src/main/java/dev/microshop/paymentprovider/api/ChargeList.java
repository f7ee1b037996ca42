package dev.microshop.paymentprovider.api;

import java.util.List;

/** A list of charges, as every list the provider returns is wrapped. */
record ChargeList(String object, List<ChargeView> data) {

    static ChargeList of(List<ChargeView> charges) {
        return new ChargeList("list", charges);
    }
}
