package dev.microshop.user.domain.user;

/**
 * Another account already uses this email address, in any case or spelling, or one that looks like it. The answer is
 * the same for all of these, so that it does not help to probe for look-alikes.
 */
public class EmailAlreadyRegisteredException extends IllegalStateException {

    public EmailAlreadyRegisteredException(EmailAddress email) {
        super("An account with email " + email + " already exists");
    }
}
