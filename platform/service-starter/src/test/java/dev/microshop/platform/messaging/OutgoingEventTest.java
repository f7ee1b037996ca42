package dev.microshop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutgoingEventTest {

    @Test
    void an_event_needs_a_topic_a_key_a_type_and_data() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutgoingEvent(" ", "k", "t", "s", Map.of()))
                .withMessage("topic must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutgoingEvent("topic", null, "t", "s", Map.of()))
                .withMessage("key must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutgoingEvent("topic", "k", "", "s", Map.of()))
                .withMessage("type must not be blank");
        assertThatNullPointerException()
                .isThrownBy(() -> new OutgoingEvent("topic", "k", "t", "s", null))
                .withMessage("data");
    }

    @Test
    void the_subject_is_optional() {
        assertThat(new OutgoingEvent("topic", "k", "t", null, Map.of()).subject())
                .isNull();
    }
}
