package dev.microshop.payment.domain.payment;

import java.util.Objects;
import java.util.UUID;

/** A payment's own identity. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentId newId() {
        return new PaymentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
