package dev.microshop.user.domain.user;

/** A user id that is not a UUID. */
public class InvalidUserIdException extends IllegalArgumentException {

    public InvalidUserIdException(String text) {
        super("User id '%s' is not a UUID".formatted(text));
    }
}
