package dev.microshop.order.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.order.infrastructure.config.OrderServiceProperties.Admission;
import dev.microshop.order.infrastructure.config.OrderServiceProperties.Saga;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderServicePropertiesTest {

    static final Duration REMOTE_CALL_DEADLINE = Duration.ofSeconds(2);
    static final Saga SAGA = new Saga(Duration.ofSeconds(30));

    @Test
    void orders_count_as_waiting_long_only_before_the_deadline_cancels_them() {
        Admission justBefore = new Admission(20, Duration.ofMillis(29_999), Duration.ofSeconds(5));
        Admission atTheDeadline = new Admission(20, Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThatCode(() -> new OrderServiceProperties(REMOTE_CALL_DEADLINE, SAGA, justBefore))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new OrderServiceProperties(REMOTE_CALL_DEADLINE, SAGA, atTheDeadline))
                .hasMessage("admission.backlog-age (PT30S) must be shorter than saga.deadline (PT30S)");
    }

    @Test
    void a_backlog_needs_at_least_one_order() {
        assertThatThrownBy(() -> new Admission(0, Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .hasMessage("backlog-orders must be positive, not 0");
    }
}
