package dev.microshop.kafkabroker;

import dev.microshop.engine.EnvironmentSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where the broker keeps its data, which loopback ports it uses and which cluster it belongs to, read from the
 * environment, and the KRaft configuration derived from them. Every node is broker and controller at once
 * (combined mode): a cluster of three is three JVMs instead of six on a small machine, and any one of them may die
 * with a majority of the quorum left.
 *
 * @param nodeId this node's id, 1 to the number of controllers
 * @param controllers the controller listener (host:port) of every node of the cluster, node 1 first
 */
public record BrokerSettings(
        Path dataDir, int port, int controllerPort, int healthPort, int nodeId, List<String> controllers) {

    private static final String HOST = "127.0.0.1";

    public BrokerSettings {
        controllers = List.copyOf(controllers);
        if (nodeId < 1 || nodeId > controllers.size()) {
            throw new IllegalArgumentException("KAFKA_NODE_ID must be between 1 and the number of KAFKA_CONTROLLERS ("
                    + controllers.size() + "), was " + nodeId);
        }
    }

    /** A single node: broker and controller of a cluster of one. */
    public BrokerSettings(Path dataDir, int port, int controllerPort, int healthPort) {
        this(dataDir, port, controllerPort, healthPort, 1, List.of(HOST + ":" + controllerPort));
    }

    /**
     * KAFKA_PORT, KAFKA_CONTROLLER_PORT and KAFKA_HEALTH_PORT; in a cluster also KAFKA_NODE_ID and KAFKA_CONTROLLERS
     * (every node's controller address, comma-separated, in node order). A cluster keeps its nodes' data apart from
     * the single node's: .microshop/data/kafka-cluster-N/node-ID.
     */
    public static BrokerSettings fromEnvironment(Map<String, String> env) {
        int controllerPort = EnvironmentSettings.port(env, "KAFKA_CONTROLLER_PORT", 9093);
        List<String> controllers = Arrays.stream(env.getOrDefault("KAFKA_CONTROLLERS", HOST + ":" + controllerPort)
                        .split(","))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .toList();
        int nodeId = Integer.parseInt(env.getOrDefault("KAFKA_NODE_ID", "1").strip());
        Path home = Path.of(env.getOrDefault("MICROSHOP_HOME", "."));
        Path defaultDataDir = controllers.size() == 1
                ? home.resolve(".microshop/data/kafka")
                : home.resolve(".microshop/data/kafka-cluster-" + controllers.size())
                        .resolve("node-" + nodeId);
        Path dataDir = Path.of(env.getOrDefault("KAFKA_DATA_DIR", defaultDataDir.toString()));
        return new BrokerSettings(
                dataDir.toAbsolutePath().normalize(),
                EnvironmentSettings.port(env, "KAFKA_PORT", 9092),
                controllerPort,
                EnvironmentSettings.port(env, "KAFKA_HEALTH_PORT", 9094),
                nodeId,
                controllers);
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** Kafka's own log directory (partitions and the KRaft metadata log). */
    public Path logDir() {
        return dataDir.resolve("log");
    }

    boolean clustered() {
        return controllers.size() > 1;
    }

    /**
     * The nodes of a cluster must be formatted with one cluster id: theirs lives beside their data directories. A
     * single node keeps its own.
     */
    Path clusterIdFile() {
        return clustered() ? dataDir.resolveSibling("cluster.id") : dataDir.resolve("cluster.id");
    }

    /** Every record on three nodes (or as many as there are), written once two have it. */
    int replicationFactor() {
        return Math.min(3, controllers.size());
    }

    int minInSyncReplicas() {
        return replicationFactor() == 3 ? 2 : 1;
    }

    public Properties serverProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put(
                "controller.quorum.voters",
                IntStream.range(0, controllers.size())
                        .mapToObj(index -> (index + 1) + "@" + controllers.get(index))
                        .collect(Collectors.joining(",")));
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir().toString());

        // Every topic, the internal ones included, has the same replicas: one on a single node (or it never
        // becomes available), three in a cluster, where a write needs two of them.
        String replicas = String.valueOf(replicationFactor());
        String minInSync = String.valueOf(minInSyncReplicas());
        props.put("offsets.topic.replication.factor", replicas);
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", minInSync);
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", minInSync);
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", minInSync);
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
