package dev.microshop.kafkabroker;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the runnable jar: runs Kafka configured by the KAFKA_* environment variables until
 * the process is told to stop (SIGTERM or Ctrl-C stop the broker cleanly).
 */
public final class KafkaBrokerMain {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerMain.class);

    private KafkaBrokerMain() {}

    public static void main(String[] args) {
        haltInsteadOfExit();
        BrokerSettings settings = BrokerSettings.fromEnvironment(System.getenv());
        long started = System.nanoTime();
        try {
            KafkaBroker broker = new KafkaBroker(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
            broker.start();
            log.info(
                    "Kafka is serving on {} (data in {}), healthy after {} ms",
                    settings.bootstrapServers(),
                    settings.dataDir(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            broker.awaitShutdown();
        } catch (Exception | Error e) {
            // Exit even on an Error: the health endpoint's thread would otherwise keep a broken process alive.
            log.error("Kafka failed to start", e);
            System.exit(1);
        }
    }

    /**
     * Kafka calls Exit when it gives up on a fatal fault. System.exit from one of its own threads would
     * run our shutdown hook, which waits for that very thread: halt instead, the logs recover on restart.
     */
    private static void haltInsteadOfExit() {
        Exit.Procedure halt = (status, message) -> {
            log.error("Kafka requested the process to end with status {}: {}", status, message);
            Runtime.getRuntime().halt(status);
        };
        Exit.setExitProcedure(halt);
        Exit.setHaltProcedure(halt);
    }
}
