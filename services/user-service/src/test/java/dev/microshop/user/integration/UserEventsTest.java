package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.testsupport.TestEvents;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-up and log-in are announced on the real broker as CloudEvents that other services can read. */
@UserServiceIntegrationTest
class UserEventsTest {

    @Autowired
    JsonMapper json;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void signing_up_publishes_user_registered_keyed_by_user_id_with_cloud_event_and_trace_headers() {
        String email = Api.uniqueEmail("kafka");
        String userId = Api.read(api.signUp(email, "Franz", Api.PASSWORD), "$.id");

        ConsumerRecord<String, byte[]> event = TestEvents.await("user-events", userId, "user.registered");

        assertThat(TestEvents.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(TestEvents.header(event, "ce_id")).isNotBlank();
        assertThat(TestEvents.header(event, "ce_source")).isEqualTo("/microshop/user-service");
        assertThat(TestEvents.header(event, "ce_subject")).isEqualTo(userId);
        assertThat(Instant.parse(TestEvents.header(event, "ce_time")))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(TestEvents.header(event, "content-type")).isEqualTo("application/json");
        assertThat(TestEvents.header(event, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        JsonNode body = json.readTree(event.value());
        assertThat(body.get("userId").asString()).isEqualTo(userId);
        assertThat(body.get("email").asString()).isEqualTo(email);
        assertThat(body.get("name").asString()).isEqualTo("Franz");
        assertThat(Instant.parse(body.get("registeredAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void logging_in_publishes_user_logged_in() {
        Api.Session session = api.newSession("kafka-login");

        ConsumerRecord<String, byte[]> event = TestEvents.await("user-events", session.userId(), "user.logged-in");

        assertThat(json.readTree(event.value()).get("userId").asString()).isEqualTo(session.userId());
    }
}
