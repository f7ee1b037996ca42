package dev.microshop.kafkabroker;

import dev.microshop.engine.EnvironmentSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the broker keeps its data and which loopback ports it uses, read from the environment,
 * and the single-node KRaft configuration derived from them.
 */
public record BrokerSettings(Path dataDir, int port, int controllerPort, int healthPort) {

    static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";

    public static BrokerSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("MICROSHOP_HOME", "."));
        Path dataDir = Path.of(env.getOrDefault(
                "KAFKA_DATA_DIR", home.resolve(".microshop/data/kafka").toString()));
        return new BrokerSettings(
                dataDir.toAbsolutePath().normalize(),
                EnvironmentSettings.port(env, "KAFKA_PORT", 9092),
                EnvironmentSettings.port(env, "KAFKA_CONTROLLER_PORT", 9093),
                EnvironmentSettings.port(env, "KAFKA_HEALTH_PORT", 9094));
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Kafka's own log directory (partitions and the KRaft metadata log). */
    public Path logDir() {
        return dataDir.resolve("log");
    }

    public Properties serverProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir().toString());

        // One node: every internal topic must live with a single replica or it never becomes available.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // Fewer internal partitions than the defaults (50) start faster and use fewer files locally.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.num.partitions", "5");

        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "3");
        // Consumers of a local system join alone: no point waiting for more group members.
        props.put("group.initial.rebalance.delay.ms", "0");

        // Two cores and a handful of clients: the defaults (3 network, 8 I/O and 10 background threads) only add
        // threads and memory.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");

        // Local data, not an archive: keep a day or 256 MB per partition, in small segments.
        props.put("log.retention.hours", "24");
        props.put("log.retention.bytes", String.valueOf(256L * 1024 * 1024));
        props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        props.put("log.retention.check.interval.ms", String.valueOf(5 * 60 * 1000));
        return props;
    }
}
