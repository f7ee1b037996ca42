package dev.microshop.payment.domain.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** A positive amount in an ISO 4217 currency, with no more decimals than the currency has. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new InvalidPaymentException("A currency is an ISO 4217 code such as EUR, not '" + currency + "'");
        }
        Currency known = known(currency);
        if (amount.signum() <= 0) {
            throw new InvalidPaymentException("An amount to pay must be positive, not " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > known.getDefaultFractionDigits()) {
            throw new InvalidPaymentException(currency + " has " + known.getDefaultFractionDigits() + " decimals; "
                    + amount.toPlainString() + " has more");
        }
        amount = amount.setScale(known.getDefaultFractionDigits());
    }

    /** The currency's smallest unit: digits after the decimal point (2 for EUR, 0 for JPY). */
    public int fractionDigits() {
        return known(currency).getDefaultFractionDigits();
    }

    private static Currency known(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidPaymentException("Unknown currency " + code);
        }
    }
}
