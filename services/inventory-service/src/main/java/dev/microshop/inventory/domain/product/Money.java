package dev.microshop.inventory.domain.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An exact amount of a currency, in cents: always two decimal places. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
