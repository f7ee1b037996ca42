package dev.microshop.user.domain.login;

import dev.microshop.user.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The failed log-ins for one e-mail address (registered or not) from every client address together. They never lock
 * the account, which would let anyone lock its owner out; past a few, they only make every log-in for it wait a
 * growing time (see {@link ThrottlePolicy}), which slows down guessing from many addresses at once.
 */
public record AccountThrottle(EmailAddress email, int failures, Instant lastFailureAt, Instant nextAttemptAt) {

    public AccountThrottle {
        Objects.requireNonNull(email, "email");
        if (failures < 0 || (failures == 0) != (lastFailureAt == null) || (failures == 0 && nextAttemptAt != null)) {
            throw new IllegalArgumentException("failures " + failures + " do not fit last failure " + lastFailureAt
                    + " and next attempt " + nextAttemptAt);
        }
    }

    /** No failure recorded for this address. */
    public static AccountThrottle none(EmailAddress email) {
        return new AccountThrottle(email, 0, null, null);
    }

    /** How long a log-in must still wait; zero when it may go ahead. */
    public Duration waitAt(Instant now) {
        return nextAttemptAt != null && now.isBefore(nextAttemptAt)
                ? Duration.between(now, nextAttemptAt)
                : Duration.ZERO;
    }

    /** Whether this failure is the one that starts slowing the account down. */
    public boolean startsSlowingDown(ThrottlePolicy policy) {
        return failures == policy.freeFailures() + 1;
    }

    /** The throttle once one more failure at {@code now} is counted. */
    public AccountThrottle afterFailureAt(Instant now, ThrottlePolicy policy) {
        boolean countsAfresh = failures == 0 || !now.isBefore(lastFailureAt.plus(policy.quietPeriod()));
        int counted = countsAfresh ? 1 : failures + 1;
        Duration delay = policy.delayAfter(counted);
        return new AccountThrottle(email, counted, now, delay.isZero() ? null : now.plus(delay));
    }
}
