package dev.microshop.order.domain.order;

/** A shopper sent an Idempotency-Key again, but with a different order request than the first time. */
public class IdempotencyKeyReusedException extends IllegalArgumentException {

    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super("Idempotency-Key " + key.value() + " was already used for a different order request (other items,"
                + " quantities or payment method); send the first request unchanged to get its order, or use a new"
                + " key for a new order");
    }
}
