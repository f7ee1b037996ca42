package dev.microshop.order.domain.order;

import dev.microshop.order.domain.DomainException;

/** Another request with the same Idempotency-Key of the same shopper placed its order first. */
public class DuplicateOrderRequestException extends DomainException {

    public DuplicateOrderRequestException(IdempotencyKey key) {
        super("An order was already placed with Idempotency-Key " + key.value());
    }
}
