package dev.microshop.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.domain.login.LockoutPolicy;
import dev.microshop.user.domain.login.LogInAttempts;
import dev.microshop.user.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogInAttemptsTest {

    private static final LockoutPolicy FIVE_IN_15_MINUTES_LOCK_15 =
            new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static final EmailAddress ADA = new EmailAddress("ada@example.com");
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void no_failures_means_no_lock() {
        LogInAttempts none = LogInAttempts.none(ADA, "203.0.113.7");

        assertThat(none.failures()).isZero();
        assertThat(none.isLockedAt(START)).isFalse();
        assertThat(none.lockRemainingAt(START)).isEqualTo(Duration.ZERO);
    }

    @Test
    void the_fifth_failure_within_the_window_locks_for_the_lock_duration() {
        LogInAttempts attempts = failures(4, START, Duration.ofMinutes(3));
        assertThat(attempts.failures()).isEqualTo(4);
        assertThat(attempts.isLockedAt(START.plus(Duration.ofMinutes(9)))).isFalse();

        Instant fifth = START.plus(Duration.ofMinutes(14));
        LogInAttempts locked = attempts.afterFailureAt(fifth, FIVE_IN_15_MINUTES_LOCK_15);

        assertThat(locked.failures()).isEqualTo(5);
        assertThat(locked.lockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
        assertThat(locked.isLockedAt(fifth.plus(Duration.ofMinutes(15)).minusMillis(1)))
                .isTrue();
        assertThat(locked.isLockedAt(fifth.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(locked.lockRemainingAt(fifth.plus(Duration.ofMinutes(10)))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void failures_spread_wider_than_the_window_start_counting_afresh_and_never_lock() {
        LogInAttempts attempts = failures(4, START, Duration.ofMinutes(1));

        LogInAttempts afterWindow =
                attempts.afterFailureAt(START.plus(Duration.ofMinutes(15)), FIVE_IN_15_MINUTES_LOCK_15);

        assertThat(afterWindow.failures()).isEqualTo(1);
        assertThat(afterWindow.windowStartedAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
        assertThat(afterWindow.lockedUntil()).isNull();
    }

    @Test
    void a_failure_while_locked_neither_counts_nor_extends_the_lock() {
        LogInAttempts locked = failures(5, START, Duration.ofSeconds(10));

        LogInAttempts again = locked.afterFailureAt(START.plus(Duration.ofMinutes(5)), FIVE_IN_15_MINUTES_LOCK_15);

        assertThat(again).isEqualTo(locked);
    }

    @Test
    void once_a_lock_is_over_counting_starts_afresh_even_inside_a_longer_window() {
        LockoutPolicy longWindowShortLock = new LockoutPolicy(3, Duration.ofHours(1), Duration.ofMinutes(5));
        LogInAttempts locked = LogInAttempts.none(ADA, "203.0.113.7");
        for (int minute = 0; minute < 3; minute++) {
            locked = locked.afterFailureAt(START.plus(Duration.ofMinutes(minute)), longWindowShortLock);
        }
        assertThat(locked.isLockedAt(START.plus(Duration.ofMinutes(3)))).isTrue();

        LogInAttempts afterLock = locked.afterFailureAt(START.plus(Duration.ofMinutes(8)), longWindowShortLock);

        assertThat(afterLock.failures()).isEqualTo(1);
        assertThat(afterLock.isLockedAt(START.plus(Duration.ofMinutes(8)))).isFalse();
    }

    @Test
    void a_stricter_policy_applies_to_the_next_failure() {
        LogInAttempts attempts = failures(3, START, Duration.ofMinutes(1));

        LogInAttempts locked = attempts.afterFailureAt(
                START.plus(Duration.ofMinutes(3)),
                new LockoutPolicy(3, Duration.ofMinutes(15), Duration.ofMinutes(15)));

        assertThat(locked.failures()).isEqualTo(4);
        assertThat(locked.isLockedAt(START.plus(Duration.ofMinutes(3)))).isTrue();
    }

    @Test
    void a_policy_must_allow_at_least_one_failure_and_positive_durations() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(15), Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(5, Duration.ZERO, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code count} failures under the default policy, {@code apart} from each other, the first at {@code first}. */
    private static LogInAttempts failures(int count, Instant first, Duration apart) {
        LogInAttempts attempts = LogInAttempts.none(ADA, "203.0.113.7");
        for (int i = 0; i < count; i++) {
            attempts = attempts.afterFailureAt(first.plus(apart.multipliedBy(i)), FIVE_IN_15_MINUTES_LOCK_15);
        }
        return attempts;
    }
}
