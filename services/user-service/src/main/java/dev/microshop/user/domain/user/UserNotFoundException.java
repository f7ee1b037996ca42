package dev.microshop.user.domain.user;

/** No user has the given id or email address. */
public class UserNotFoundException extends RuntimeException {

    public UserNotFoundException(UserId id) {
        super("No user with id " + id);
    }

    public UserNotFoundException(EmailAddress email) {
        super("No account with email " + email);
    }
}
