package dev.microshop.paymentprovider.charges;

/** The payment methods the provider's test mode knows, and what each one does. */
enum TestPaymentMethod {
    /** Succeeds at once. */
    OK("pm-ok"),
    /** Is declined by the issuer. */
    DECLINED("pm-declined"),
    /** Succeeds, but only after the configured slow-payment delay. */
    SLOW("pm-slow");

    private final String id;

    TestPaymentMethod(String id) {
        this.id = id;
    }

    static TestPaymentMethod of(String id) {
        for (TestPaymentMethod method : values()) {
            if (method.id.equals(id)) {
                return method;
            }
        }
        throw ProviderException.invalidRequest(
                "payment_method_invalid",
                "No such payment method: '" + id + "'. Test mode accepts pm-ok, pm-declined and pm-slow.",
                "payment_method");
    }
}
