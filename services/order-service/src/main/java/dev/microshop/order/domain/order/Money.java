package dev.microshop.order.domain.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/** An exact amount in one currency, always with two decimals (cents). */
public record Money(BigDecimal amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidOrderException("'" + currency + "' is not an ISO 4217 currency code");
        }
        if (amount.signum() < 0) {
            throw new InvalidOrderException("An amount cannot be negative: " + amount);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidOrderException("An amount has at most two decimals: " + amount);
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (NumberFormatException | NullPointerException notANumber) {
            throw new InvalidOrderException("'" + amount + "' is not an amount of money");
        }
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new InvalidOrderException("Cannot add " + other.currency + " to " + currency
                    + ": all products of an order must be priced in one currency");
        }
        return new Money(amount.add(other.amount), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
