package dev.microshop.user.application.port;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.PasswordPolicy;

/** Sign-up rules that operators change at runtime; read on every request, never cached. */
public interface RegistrationSettings {

    PasswordPolicy passwordPolicy();

    /** Whether this address belongs to the list of administrators. */
    boolean isAdministrator(EmailAddress email);
}
