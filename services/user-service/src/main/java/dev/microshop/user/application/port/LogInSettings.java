package dev.microshop.user.application.port;

import dev.microshop.user.domain.login.LockoutPolicy;
import dev.microshop.user.domain.login.ThrottlePolicy;

/** Log-in rules that operators change at runtime; read on every log-in, never cached. */
public interface LogInSettings {

    /** When one client address is locked out of one account. */
    LockoutPolicy lockoutPolicy();

    /** When an account slows down, whoever fails. */
    ThrottlePolicy throttlePolicy();
}
