package dev.microshop.order.domain.order;

/** Another request with the same Idempotency-Key of the same shopper placed its order first. */
public class DuplicateOrderRequestException extends IllegalStateException {

    public DuplicateOrderRequestException(IdempotencyKey key) {
        super("An order was already placed with Idempotency-Key " + key.value());
    }
}
