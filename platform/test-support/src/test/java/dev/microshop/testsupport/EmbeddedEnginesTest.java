package dev.microshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@MicroshopIntegrationTest
class EmbeddedEnginesTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    BlockingQueue<String> receivedEvents;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void stores_and_reads_rows_in_a_real_postgresql_as_an_ordinary_user() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS greeting (id serial PRIMARY KEY, text varchar(40) NOT NULL)");
        jdbc.update("INSERT INTO greeting (text) VALUES (?)", "hello");

        assertThat(jdbc.queryForList("SELECT text FROM greeting", String.class)).contains("hello");
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("service");
        assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("17.");
    }

    @Test
    void delivers_a_sent_record_to_a_listener_through_a_real_broker() throws Exception {
        String event = "order-" + UUID.randomUUID();
        kafka.send(SampleServiceApplication.TOPIC, event, event.getBytes()).get(10, TimeUnit.SECONDS);

        assertThat(receivedEvents.poll(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(event);
    }

    @Test
    void needs_no_platform_server() {
        assertThat(environment.getProperty("spring.cloud.config.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("eureka.client.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("logging.file.name")).isEmpty();
    }

    @Test
    void shares_the_engines_with_every_other_test_context() {
        EnginesSeen.recordAndCompare(new EnginesSeen.Sighting(getClass(), context,
                jdbc.queryForObject("SELECT inet_server_port()", Integer.class),
                environment.getProperty("spring.kafka.bootstrap-servers")));
    }
}
