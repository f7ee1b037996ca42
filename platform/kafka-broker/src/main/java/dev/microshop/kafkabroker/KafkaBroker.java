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

/** A running Kafka node (broker and KRaft controller in this JVM) with its health endpoint. */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /**
     * A node of a cluster stops after the controller has moved its partitions' leadership away. The last nodes of a
     * cluster that stops as a whole have no quorum left to ask and would wait five minutes: they stop without it
     * after this, as after a crash; nothing is written then, and the log is checked at the next start.
     */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

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
        Thread stopping = Thread.ofPlatform().name("kafka-stop").start(server::shutdown);
        try {
            if (!stopping.join(STOP_TIMEOUT)) {
                log.warn("Kafka did not stop within {} (no controller quorum left): stopping without it", STOP_TIMEOUT);
            } else {
                log.info("Kafka stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        health.close();
    }

    /** The broker is ready once it is registered and unfenced, which is when it lists itself to a client. */
    private static void awaitServing(BrokerSettings settings) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "kafka-broker-health"))) {
            while (!listsItself(admin, settings.nodeId())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not start serving within " + READY_TIMEOUT);
                }
                Thread.sleep(200);
            }
        }
    }

    private static boolean listsItself(Admin admin, int nodeId) throws InterruptedException {
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get().stream()
                    .anyMatch(node -> node.id() == nodeId);
        } catch (ExecutionException notYet) {
            return false;
        }
    }
}
