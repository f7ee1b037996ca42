package dev.microshop.user.domain.user;

import dev.microshop.user.domain.DomainException;

/** A user id that is not a UUID. */
public class InvalidUserIdException extends DomainException {

    public InvalidUserIdException(String text) {
        super("User id '%s' is not a UUID".formatted(text));
    }
}
