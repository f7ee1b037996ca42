package dev.microshop.notification.domain.notification;

import java.math.BigDecimal;

/** An amount as a shopper reads it in a message, e.g. {@code 25.00 EUR}. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        if (amount == null || currency == null || currency.isBlank()) {
            throw new InvalidNotificationException("An amount needs a value and a currency");
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
