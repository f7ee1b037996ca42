package dev.microshop.user.domain.login;

import dev.microshop.user.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The recent failed log-ins for one e-mail address (registered or not) from one client address, and the lock they
 * have caused for that pair only: whoever fails from elsewhere, the owner's own address is not locked. Failures are
 * counted in a window that opens with the first of them; a lock neither grows nor counts while it lasts, and once it
 * is over counting starts afresh.
 */
public record LogInAttempts(
        EmailAddress email, String clientAddress, int failures, Instant windowStartedAt, Instant lockedUntil) {

    public LogInAttempts {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (failures < 0 || (failures == 0) != (windowStartedAt == null) || (failures == 0 && lockedUntil != null)) {
            throw new IllegalArgumentException(
                    "failures " + failures + " do not fit window " + windowStartedAt + " and lock " + lockedUntil);
        }
    }

    /** No failure recorded for this pair. */
    public static LogInAttempts none(EmailAddress email, String clientAddress) {
        return new LogInAttempts(email, clientAddress, 0, null, null);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** How long the lock still lasts; zero when there is none. */
    public Duration lockRemainingAt(Instant now) {
        return isLockedAt(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }

    /** The attempts once one more failure at {@code now} is counted; unchanged while locked. */
    public LogInAttempts afterFailureAt(Instant now, LockoutPolicy policy) {
        if (isLockedAt(now)) {
            return this;
        }
        boolean countsAfresh =
                failures == 0 || lockedUntil != null || !now.isBefore(windowStartedAt.plus(policy.window()));
        int counted = countsAfresh ? 1 : failures + 1;
        Instant windowStart = countsAfresh ? now : windowStartedAt;
        Instant lock = counted >= policy.maxFailures() ? now.plus(policy.lockDuration()) : null;
        return new LogInAttempts(email, clientAddress, counted, windowStart, lock);
    }
}
