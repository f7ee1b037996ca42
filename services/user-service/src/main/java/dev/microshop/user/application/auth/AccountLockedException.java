package dev.microshop.user.application.auth;

import java.time.Duration;

/**
 * Log-in refused because of earlier failures from the same client address; says nothing about the password just
 * presented.
 */
public class AccountLockedException extends RuntimeException {

    private final Duration retryAfter;

    public AccountLockedException(Duration retryAfter) {
        super("Too many failed log-ins: this account is locked for a while");
        this.retryAfter = retryAfter;
    }

    /** How long until log-in is possible again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
