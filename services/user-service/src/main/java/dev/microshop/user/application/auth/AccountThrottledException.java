package dev.microshop.user.application.auth;

import java.time.Duration;

/**
 * Log-in refused for now because so many log-ins for this account failed recently, from any address; the password
 * was not checked. Trying again after {@link #retryAfter()} is checked normally.
 */
public class AccountThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public AccountThrottledException(Duration retryAfter) {
        super("Too many failed log-ins for this account: log-ins are slowed down");
        this.retryAfter = retryAfter;
    }

    /** How long until the next log-in is checked. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
