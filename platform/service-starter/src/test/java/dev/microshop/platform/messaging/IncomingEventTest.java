package dev.microshop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    record OrderConfirmed(String orderId, Total total) {}

    record Total(String amount) {}

    @Test
    void data_is_mapped_into_what_the_handler_takes() {
        String orderId = UUID.randomUUID().toString();

        UUID mapped = event("{\"orderId\":\"" + orderId + "\"}")
                .mapped(OrderConfirmed.class, confirmed -> UUID.fromString(confirmed.orderId()));

        assertThat(mapped).isEqualTo(UUID.fromString(orderId));
    }

    @Test
    void data_the_mapping_cannot_read_is_a_poison_record_that_says_which_event_and_why() {
        IncomingEvent notAnId = event("{\"orderId\":\"order-7\"}");

        assertThatThrownBy(
                        () -> notAnId.mapped(OrderConfirmed.class, confirmed -> UUID.fromString(confirmed.orderId())))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Event e-1 of type order.confirmed cannot be handled")
                .hasMessageContaining("Invalid UUID string: order-7")
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .satisfies(failure ->
                        assertThat(ListenerFailures.classify(failure)).isEqualTo(ListenerFailures.Kind.PERMANENT));
    }

    @Test
    void a_missing_field_is_a_poison_record_that_names_it() {
        assertThatThrownBy(() -> event("{\"orderId\":\"x\"}")
                        .mapped(
                                OrderConfirmed.class,
                                confirmed -> confirmed.total().amount()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("total()");
    }

    @Test
    void data_that_does_not_fit_the_type_is_a_poison_record_before_any_mapping() {
        assertThatThrownBy(() -> event("[1, 2, 3]").mapped(OrderConfirmed.class, OrderConfirmed::orderId))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("is not a OrderConfirmed");
    }

    @Test
    void a_rule_the_facts_break_makes_a_poison_record() {
        MalformedEventException refused =
                event("{}").refused(new IllegalArgumentException("A notification needs a recipient"));

        assertThat(refused)
                .hasMessage("Event e-1 of type order.confirmed cannot be handled: "
                        + "java.lang.IllegalArgumentException: A notification needs a recipient");
    }

    private static IncomingEvent event(String data) {
        return new IncomingEvent(
                "e-1",
                "order.confirmed",
                "/order-service",
                "order-7",
                Instant.now(),
                data.getBytes(StandardCharsets.UTF_8));
    }
}
