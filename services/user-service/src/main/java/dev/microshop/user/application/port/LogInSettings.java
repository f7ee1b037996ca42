package dev.microshop.user.application.port;

import dev.microshop.user.domain.login.LockoutPolicy;

/** Log-in rules that operators change at runtime; read on every log-in, never cached. */
public interface LogInSettings {

    LockoutPolicy lockoutPolicy();
}
