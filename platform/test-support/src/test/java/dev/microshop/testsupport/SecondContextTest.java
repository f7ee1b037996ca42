package dev.microshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A test class whose own property makes Spring build a second context: it must get the same engines. */
@MicroshopIntegrationTest(properties = "sample.flavour=second")
class SecondContextTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void gets_its_own_context_but_the_same_postgresql_and_kafka() {
        assertThat(environment.getProperty("sample.flavour")).isEqualTo("second");
        EnginesSeen.recordAndCompare(new EnginesSeen.Sighting(
                getClass(),
                context,
                jdbc.sql("SELECT inet_server_port()").query(Integer.class).single(),
                environment.getProperty("spring.kafka.bootstrap-servers")));
        assertThat(EnginesSeen.all()).extracting(EnginesSeen.Sighting::context).doesNotHaveDuplicates();
    }
}
