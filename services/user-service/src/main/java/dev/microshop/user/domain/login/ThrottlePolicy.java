package dev.microshop.user.domain.login;

import java.time.Duration;
import java.util.Objects;

/**
 * How an account slows down under failed log-ins from any address: the first {@code freeFailures} cost nothing, each
 * further one makes the next attempt wait {@code firstDelay}, doubling up to {@code maxDelay}; the count is forgotten
 * once {@code quietPeriod} passes without a failure. Comes from configuration.
 */
public record ThrottlePolicy(int freeFailures, Duration quietPeriod, Duration firstDelay, Duration maxDelay) {

    public ThrottlePolicy {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (freeFailures < 0) {
            throw new IllegalArgumentException("freeFailures must not be negative, was " + freeFailures);
        }
        if (!quietPeriod.isPositive() || !firstDelay.isPositive() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("quietPeriod and firstDelay must be positive and maxDelay at least"
                    + " firstDelay, were " + quietPeriod + ", " + firstDelay + " and " + maxDelay);
        }
    }

    /** The wait after the {@code failures}-th failure in a row; zero while failures are free. */
    Duration delayAfter(int failures) {
        int beyond = failures - freeFailures;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        // Doubling from firstDelay; past 2^30 every realistic maxDelay is reached anyway.
        Duration delay = firstDelay.multipliedBy(1L << Math.min(beyond - 1, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
