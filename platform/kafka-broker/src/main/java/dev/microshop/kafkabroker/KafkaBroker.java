package dev.microshop.kafkabroker;

import dev.microshop.engine.HealthEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running single-node Kafka (broker and KRaft controller in this JVM) with its health endpoint. */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerSettings settings;
    private final KafkaRaftServer server;
    private final HealthEndpoint health;
    private final AtomicBoolean serving = new AtomicBoolean(false);
    private ConsumerGroupLag consumerGroupLag;

    /** Formats the storage if needed and opens the health endpoint (503 until {@link #start()} is done). */
    public KafkaBroker(BrokerSettings settings) throws IOException {
        this.settings = settings;
        this.health = HealthEndpoint.start(settings.healthPort(), serving::get, "kafka", settings.dataDir());
        BrokerMetrics.bindTo(health.metrics());
        try {
            String propertiesFile = new BrokerStorage(settings).prepare().toString();
            this.server = new KafkaRaftServer(new KafkaConfig(Utils.loadProps(propertiesFile), false), Time.SYSTEM);
        } catch (IOException | RuntimeException e) {
            health.close();
            throw e;
        }
    }

    /** Starts Kafka and returns once it serves clients. */
    public void start() throws InterruptedException {
        server.startup();
        awaitServing(settings);
        consumerGroupLag = new ConsumerGroupLag(settings.bootstrapServers(), health.metrics());
        consumerGroupLag.start();
        serving.set(true);
    }

    /** Blocks until the broker has been shut down. */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public void close() {
        serving.set(false);
        log.info("Stopping Kafka");
        if (consumerGroupLag != null) {
            consumerGroupLag.close();
        }
        server.shutdown();
        server.awaitShutdown();
        health.close();
        log.info("Kafka stopped");
    }

    /** The broker is ready once it is registered and unfenced, which is when it lists itself to a client. */
    private static void awaitServing(BrokerSettings settings) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "kafka-broker-health"))) {
            while (!listsItself(admin)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not start serving within " + READY_TIMEOUT);
                }
                Thread.sleep(200);
            }
        }
    }

    private static boolean listsItself(Admin admin) throws InterruptedException {
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get().stream()
                    .anyMatch(node -> node.id() == BrokerSettings.NODE_ID);
        } catch (ExecutionException notYet) {
            return false;
        }
    }
}
