package dev.microshop.order.application.order;

import dev.microshop.order.domain.order.UserId;

/** An order for a user that user-service does not know. */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(UserId userId) {
        super("No user with id " + userId);
    }
}
