package dev.microshop.paymentprovider.charges;

/**
 * A request the provider refuses, in the provider's own terms: an HTTP status, an error type
 * ({@code invalid_request_error}, {@code idempotency_error}, {@code api_error}), a machine code and a message.
 */
public class ProviderException extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;

    public ProviderException(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public static ProviderException invalidRequest(String code, String message, String param) {
        return new ProviderException(400, "invalid_request_error", code, message, param);
    }

    public static ProviderException notFound(String message, String param) {
        return new ProviderException(404, "invalid_request_error", "resource_missing", message, param);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }
}
