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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

@MicroshopIntegrationTest
class EmbeddedEnginesTest {

    @Autowired
    JdbcClient jdbc;

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
        jdbc.sql("CREATE TABLE IF NOT EXISTS greeting (id serial PRIMARY KEY, text varchar(40) NOT NULL)")
                .update();
        jdbc.sql("INSERT INTO greeting (text) VALUES (?)").param("hello").update();

        assertThat(jdbc.sql("SELECT text FROM greeting").query(String.class).list())
                .contains("hello");
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("service");
        assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("SHOW server_version").query(String.class).single()).startsWith("17.");
    }

    @Test
    void delivers_a_sent_record_to_a_listener_through_a_real_broker() throws Exception {
        String event = "order-" + UUID.randomUUID();
        kafka.send(SampleServiceApplication.TOPIC, event, event.getBytes()).get(10, TimeUnit.SECONDS);

        assertThat(receivedEvents.poll(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo(event);
    }

    @Test
    void needs_no_platform_server() {
        assertThat(environment.getProperty("spring.cloud.config.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("eureka.client.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.tracing.export.zipkin.enabled"))
                .isEqualTo("false");
        assertThat(environment.getProperty("logging.file.name")).isEmpty();
    }

    @Test
    void shares_the_engines_with_every_other_test_context() {
        EnginesSeen.recordAndCompare(new EnginesSeen.Sighting(
                getClass(),
                context,
                jdbc.sql("SELECT inet_server_port()").query(Integer.class).single(),
                environment.getProperty("spring.kafka.bootstrap-servers")));
    }
}
