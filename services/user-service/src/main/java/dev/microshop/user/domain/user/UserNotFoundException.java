package dev.microshop.user.domain.user;

import dev.microshop.user.domain.DomainException;

/** No user has the given id or email address. */
public class UserNotFoundException extends DomainException {

    public UserNotFoundException(UserId id) {
        super("No user with id " + id);
    }

    public UserNotFoundException(EmailAddress email) {
        super("No account with email " + email);
    }
}
