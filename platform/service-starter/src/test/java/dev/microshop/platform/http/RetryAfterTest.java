package dev.microshop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void a_wait_in_whole_seconds_is_announced_as_it_is() {
        assertThat(RetryAfter.seconds(Duration.ofSeconds(30))).isEqualTo(30);
    }

    @Test
    void a_part_of_a_second_counts_as_a_whole_one() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(2_001))).isEqualTo(3);
        assertThat(RetryAfter.seconds(Duration.ofNanos(1))).isEqualTo(1);
    }

    @Test
    void a_refused_client_is_never_told_to_come_back_at_once() {
        assertThat(RetryAfter.seconds(Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void a_wait_that_is_over_rounds_up_to_zero_where_zero_may_be_said() {
        assertThat(RetryAfter.roundedUp(Duration.ZERO)).isZero();
        assertThat(RetryAfter.roundedUp(Duration.ofMillis(1_500))).isEqualTo(2);
    }
}
