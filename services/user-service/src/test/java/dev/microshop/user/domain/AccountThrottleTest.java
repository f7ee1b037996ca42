package dev.microshop.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.user.domain.login.AccountThrottle;
import dev.microshop.user.domain.login.ThrottlePolicy;
import dev.microshop.user.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountThrottleTest {

    private static final ThrottlePolicy TEN_FREE_THEN_1S_DOUBLING_TO_1M =
            new ThrottlePolicy(10, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(1));
    private static final EmailAddress ADA = new EmailAddress("ada@example.com");
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void the_free_failures_cost_no_wait() {
        AccountThrottle throttle = failures(10, START);

        assertThat(throttle.failures()).isEqualTo(10);
        assertThat(throttle.waitAt(START)).isZero();
    }

    @Test
    void each_failure_beyond_the_free_ones_doubles_the_wait_up_to_the_maximum() {
        AccountThrottle throttle = failures(10, START);
        Instant now = START;
        for (long expectedSeconds : new long[] {1, 2, 4, 8, 16, 32, 60, 60}) {
            throttle = throttle.afterFailureAt(now, TEN_FREE_THEN_1S_DOUBLING_TO_1M);
            assertThat(throttle.waitAt(now)).isEqualTo(Duration.ofSeconds(expectedSeconds));
            now = throttle.nextAttemptAt();
        }
        assertThat(throttle.waitAt(now)).isZero();
    }

    @Test
    void only_the_first_failure_beyond_the_free_ones_starts_the_slow_down() {
        AccountThrottle tenth = failures(10, START);
        AccountThrottle eleventh = tenth.afterFailureAt(START, TEN_FREE_THEN_1S_DOUBLING_TO_1M);

        assertThat(tenth.startsSlowingDown(TEN_FREE_THEN_1S_DOUBLING_TO_1M)).isFalse();
        assertThat(eleventh.startsSlowingDown(TEN_FREE_THEN_1S_DOUBLING_TO_1M)).isTrue();
        assertThat(eleventh.afterFailureAt(START.plusSeconds(1), TEN_FREE_THEN_1S_DOUBLING_TO_1M)
                        .startsSlowingDown(TEN_FREE_THEN_1S_DOUBLING_TO_1M))
                .isFalse();
    }

    @Test
    void a_quiet_period_without_failures_forgets_the_count() {
        AccountThrottle slowed = failures(15, START);

        AccountThrottle afresh =
                slowed.afterFailureAt(START.plus(Duration.ofMinutes(15)), TEN_FREE_THEN_1S_DOUBLING_TO_1M);

        assertThat(afresh.failures()).isEqualTo(1);
        assertThat(afresh.nextAttemptAt()).isNull();
    }

    private static AccountThrottle failures(int count, Instant at) {
        AccountThrottle throttle = AccountThrottle.none(ADA);
        for (int i = 0; i < count; i++) {
            throttle = throttle.afterFailureAt(at, TEN_FREE_THEN_1S_DOUBLING_TO_1M);
        }
        return throttle;
    }
}
