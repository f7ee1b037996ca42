package dev.microshop.payment.infrastructure.provider;

import dev.microshop.payment.application.port.PaymentGateway.ChargeOutcome;
import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The anti-corruption layer's dictionary: our money and orders in the provider's terms, and the
 * provider's charges and refusals in ours. Nothing of the provider's model leaves this package.
 */
final class ProviderTranslation {

    static final String DECLINED = "payment declined by the card issuer";
    static final String METHOD_NOT_ACCEPTED = "payment method not accepted";

    private ProviderTranslation() {}

    static ProviderModel.ChargeRequest chargeRequest(OrderId orderId, Money amount, String paymentMethod) {
        return new ProviderModel.ChargeRequest(
                minorUnits(amount),
                amount.currency().toLowerCase(Locale.ROOT),
                paymentMethod,
                orderId.value(),
                "microshop order " + orderId.value());
    }

    /** 12.50 EUR is 1250 (cents); 500 JPY is 500. */
    static long minorUnits(Money money) {
        return money.amount().movePointRight(money.fractionDigits()).longValueExact();
    }

    static Money money(long amountMinor, String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        int digits = java.util.Currency.getInstance(code).getDefaultFractionDigits();
        return new Money(BigDecimal.valueOf(amountMinor, digits), code);
    }

    /** A charge the provider answered with, as the outcome of our charge. */
    static ChargeOutcome outcome(ProviderModel.Charge charge) {
        return switch (charge.status()) {
            case SUCCEEDED -> new ChargeOutcome.Charged(charge.id());
            case DECLINED ->
                new ChargeOutcome.Declined(
                        "card_declined".equals(charge.failureCode())
                                ? DECLINED
                                : "payment declined: " + charge.failureCode());
            // Only a replay can answer so: the order's charge was made and then paid back already.
            case REFUNDED -> new ChargeOutcome.Declined("the charge for this order was refunded");
            case UNKNOWN ->
                throw new ProviderUnavailableException("Unknown charge status of charge " + charge.id(), null);
        };
    }

    /** A refused charge request: the shopper's payment method is ours to report, anything else is a refusal too. */
    static ChargeOutcome outcome(ProviderRejectedException rejected) {
        return new ChargeOutcome.Declined(
                "payment_method_invalid".equals(rejected.code())
                        ? METHOD_NOT_ACCEPTED
                        : "payment refused by the provider (" + rejected.code() + ")");
    }

    /** Our idempotency key for the refund of one charge: the same refund is never made twice. */
    static String refundKey(String chargeId) {
        return "refund-" + chargeId;
    }
}
