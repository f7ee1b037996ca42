package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-up and log-in are announced on the real broker as CloudEvents that other services can read. */
@UserServiceIntegrationTest
class UserEventsTest {

    @Autowired
    Environment environment;

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

        ConsumerRecord<String, byte[]> event = awaitEvent(userId, "user.registered");

        assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(event, "ce_id")).isNotBlank();
        assertThat(header(event, "ce_source")).isEqualTo("/microshop/user-service");
        assertThat(header(event, "ce_subject")).isEqualTo(userId);
        assertThat(Instant.parse(header(event, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(header(event, "content-type")).isEqualTo("application/json");
        assertThat(header(event, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        JsonNode body = json.readTree(event.value());
        assertThat(body.get("userId").asString()).isEqualTo(userId);
        assertThat(body.get("email").asString()).isEqualTo(email);
        assertThat(body.get("name").asString()).isEqualTo("Franz");
        assertThat(Instant.parse(body.get("registeredAt").asString())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void logging_in_publishes_user_logged_in() {
        Api.Session session = api.newSession("kafka-login");

        ConsumerRecord<String, byte[]> event = awaitEvent(session.userId(), "user.logged-in");

        assertThat(json.readTree(event.value()).get("userId").asString()).isEqualTo(session.userId());
    }

    private ConsumerRecord<String, byte[]> awaitEvent(String key, String type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "user-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("user-events"));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && type.equals(header(record, "ce_type"))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " event for " + key + " on user-events within 30 s");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
