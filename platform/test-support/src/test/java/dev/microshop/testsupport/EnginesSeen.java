package dev.microshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** What each test class's context was connected to, kept across test classes in this JVM. */
final class EnginesSeen {

    record Sighting(Class<?> testClass, ApplicationContext context, int postgresPort, String kafkaBootstrapServers) {}

    private static final List<Sighting> SIGHTINGS = new ArrayList<>();

    private EnginesSeen() {}

    /** Records this class's sighting and checks that every class so far saw the same PostgreSQL and Kafka. */
    static synchronized void recordAndCompare(Sighting sighting) {
        SIGHTINGS.add(sighting);
        assertThat(SIGHTINGS).extracting(Sighting::postgresPort).containsOnly(sighting.postgresPort());
        assertThat(SIGHTINGS)
                .extracting(Sighting::kafkaBootstrapServers)
                .containsOnly(sighting.kafkaBootstrapServers());
    }

    static synchronized List<Sighting> all() {
        return List.copyOf(SIGHTINGS);
    }
}
