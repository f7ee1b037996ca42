package dev.microshop.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MicroshopJsonLogFormatTest {

    private final MicroshopJsonLogFormat format = new MicroshopJsonLogFormat(new MockEnvironment()
            .withProperty("spring.application.name", "user-service")
            .withProperty("MICROSHOP_INSTANCE", "user-service-2"));

    @Test
    void a_line_is_one_json_object_with_service_and_trace_fields_under_their_shared_names() {
        LoggingEvent event = event("Published user.registered");
        event.setMDCPropertyMap(
                Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7", "user_id", "42"));

        String line = format.format(event);
        JsonNode json = JsonMapper.builder().build().readTree(line);

        assertThat(line).endsWith("\n").doesNotContain("traceId");
        assertThat(json.get("service").asString()).isEqualTo("user-service");
        assertThat(json.get("instance").asString()).isEqualTo("user-service-2");
        assertThat(json.get("trace_id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.get("span_id").asString()).isEqualTo("00f067aa0ba902b7");
        assertThat(json.get("user_id").asString()).isEqualTo("42");
        assertThat(json.get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("message").asString()).isEqualTo("Published user.registered");
        assertThat(json.has("timestamp")).isTrue();
    }

    @Test
    void a_line_outside_a_trace_has_no_empty_trace_fields_and_errors_carry_their_stack() {
        LoggingEvent event = event("Unexpected error");
        event.setMDCPropertyMap(Map.of());
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("boom")));

        JsonNode json = JsonMapper.builder().build().readTree(format.format(event));

        assertThat(json.has("trace_id")).isFalse();
        assertThat(json.has("span_id")).isFalse();
        assertThat(json.get("error").asString()).contains("IllegalStateException: boom");
    }

    private static LoggingEvent event(String message) {
        LoggerContext context = new LoggerContext();
        return new LoggingEvent("test", context.getLogger("dev.microshop.test"), Level.INFO, message, null, null);
    }
}
