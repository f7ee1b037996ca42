package dev.microshop.order.domain.order;

import java.util.regex.Pattern;

/** A key a client chooses so that sending the same order request again does not place a second order. */
public record IdempotencyKey(String value) {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]{1,100}");

    public IdempotencyKey {
        if (value == null || !PRINTABLE.matcher(value).matches()) {
            throw new InvalidOrderException("An Idempotency-Key is 1 to 100 visible ASCII characters");
        }
    }
}
