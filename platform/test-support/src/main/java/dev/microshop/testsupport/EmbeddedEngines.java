package dev.microshop.testsupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The test JVM's one PostgreSQL and one Kafka broker: started together on first use, shared by every
 * test context, stopped when the JVM exits.
 */
public final class EmbeddedEngines {

    private static EmbeddedEngines started;

    private final TestPostgres postgres;
    private final TestKafka kafka;

    private EmbeddedEngines(TestPostgres postgres, TestKafka kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** Starts both engines on the first call (side by side: together they take about as long as Kafka alone). */
    public static synchronized EmbeddedEngines get() {
        if (started == null) {
            CompletableFuture<TestPostgres> postgres = CompletableFuture.supplyAsync(TestPostgres::start);
            TestKafka kafka = TestKafka.start();
            try {
                started = new EmbeddedEngines(postgres.join(), kafka);
            } catch (CompletionException e) {
                throw new IllegalStateException("The test PostgreSQL did not start", e.getCause());
            }
        }
        return started;
    }

    public TestPostgres postgres() {
        return postgres;
    }

    public TestKafka kafka() {
        return kafka;
    }
}
