package dev.microshop.user.application.port;

import dev.microshop.user.domain.user.PasswordPolicy;

/** Sign-up rules that operators change at runtime; read on every request, never cached. */
public interface RegistrationSettings {

    PasswordPolicy passwordPolicy();
}
