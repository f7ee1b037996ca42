package dev.microshop.payment.domain.payment;

/** The order a payment is for; also the idempotency key of its charge at the provider. */
public record OrderId(String value) {

    public OrderId {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new InvalidPaymentException("An order id is 1 to 100 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
