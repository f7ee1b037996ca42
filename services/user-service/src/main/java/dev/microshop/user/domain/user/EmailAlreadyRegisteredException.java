package dev.microshop.user.domain.user;

import dev.microshop.user.domain.DomainException;

/** Another account already uses this email address (compared case-insensitively). */
public class EmailAlreadyRegisteredException extends DomainException {

    public EmailAlreadyRegisteredException(EmailAddress email) {
        super("An account with email " + email + " already exists");
    }
}
