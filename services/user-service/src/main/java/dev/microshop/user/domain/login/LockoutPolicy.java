package dev.microshop.user.domain.login;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed log-ins from one client address within how long lock that address out of one account, and for how
 * long; comes from configuration.
 */
public record LockoutPolicy(int maxFailures, Duration window, Duration lockDuration) {

    public LockoutPolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lockDuration, "lockDuration");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, was " + maxFailures);
        }
        if (!window.isPositive() || !lockDuration.isPositive()) {
            throw new IllegalArgumentException(
                    "window and lockDuration must be positive, were " + window + " and " + lockDuration);
        }
    }
}
