package dev.microshop.order.domain.order;

import java.util.regex.Pattern;

/** The shopper's means of payment, as the payment provider names it (e.g. {@code pm-ok}). */
public record PaymentMethod(String value) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public PaymentMethod {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new InvalidOrderException(
                    "A payment method is 1 to 64 letters, digits or '_.:-', not '" + value + "'");
        }
    }
}
