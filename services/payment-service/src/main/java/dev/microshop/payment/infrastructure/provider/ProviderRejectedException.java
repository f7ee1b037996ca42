package dev.microshop.payment.infrastructure.provider;

/** The provider refused the request (a 4xx in its own error format); asking again would not change its mind. */
public class ProviderRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    public ProviderRejectedException(int status, String code, String message) {
        super("Payment provider refused the request (" + status + " " + code + "): " + message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The provider's error code, e.g. {@code payment_method_invalid}. */
    public String code() {
        return code;
    }
}
