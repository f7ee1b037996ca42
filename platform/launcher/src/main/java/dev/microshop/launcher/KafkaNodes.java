package dev.microshop.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/** The Kafka nodes of the running system, as the state file lists them, and which partitions each one leads. */
final class KafkaNodes {

    private static final String PROCESS = "kafka";
    private static final long ANSWER_SECONDS = 3;

    private KafkaNodes() {}

    /** Every node's client address, comma-separated, as a client bootstraps from them. */
    static Optional<String> bootstrapServers(List<InstanceState> instances) {
        String servers = instances.stream()
                .filter(instance -> instance.process().equals(PROCESS))
                .map(instance -> "127.0.0.1:" + instance.port())
                .collect(Collectors.joining(","));
        return servers.isEmpty() ? Optional.empty() : Optional.of(servers);
    }

    /** The topics' replication factors, and how many partitions have fewer replicas in sync than they have. */
    static String replication(Collection<TopicDescription> topics) {
        Map<Integer, List<String>> byFactor = new TreeMap<>();
        int underReplicated = 0;
        for (TopicDescription topic : topics) {
            int factor = topic.partitions().stream()
                    .mapToInt(partition -> partition.replicas().size())
                    .min()
                    .orElse(0);
            byFactor.computeIfAbsent(factor, f -> new ArrayList<>()).add(topic.name());
            underReplicated += (int) topic.partitions().stream()
                    .filter(partition ->
                            partition.isr().size() < partition.replicas().size())
                    .count();
        }
        String factors = byFactor.size() == 1
                ? "replication factor " + byFactor.keySet().iterator().next() + " for every one"
                : "replication factors "
                        + byFactor.entrySet().stream()
                                .map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
                                .collect(Collectors.joining("; "));
        return topics.size() + " topics, " + factors + "; " + underReplicated + " partitions under-replicated";
    }

    /** One line per live node: its id, address and the partitions it leads, by topic; a line when Kafka does not answer. */
    static void printLeaders(String bootstrapServers, PrintStream out) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "microshop-status",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TimeUnit.SECONDS.toMillis(ANSWER_SECONDS),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) TimeUnit.SECONDS.toMillis(ANSWER_SECONDS)))) {
            List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get(ANSWER_SECONDS, TimeUnit.SECONDS));
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names()
                    .get(ANSWER_SECONDS, TimeUnit.SECONDS);
            Map<String, TopicDescription> topics =
                    admin.describeTopics(names).allTopicNames().get(ANSWER_SECONDS, TimeUnit.SECONDS);
            out.println("Kafka nodes (" + nodes.size() + " live) and the partitions they lead:");
            nodes.stream().sorted(Comparator.comparingInt(Node::id)).forEach(node -> {
                Map<String, List<Integer>> led = new TreeMap<>();
                topics.values()
                        .forEach(topic -> topic.partitions().stream()
                                .filter(partition -> partition.leader() != null
                                        && partition.leader().id() == node.id())
                                .map(TopicPartitionInfo::partition)
                                .forEach(partition -> led.computeIfAbsent(topic.name(), t -> new ArrayList<>())
                                        .add(partition)));
                int count = led.values().stream().mapToInt(List::size).sum();
                out.println("  node " + node.id() + " " + node.host() + ":" + node.port() + " leads " + count + ": "
                        + led.entrySet().stream()
                                .map(entry -> entry.getKey() + entry.getValue())
                                .collect(Collectors.joining(" ")));
            });
            out.println("  " + replication(topics.values()));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            out.println("Kafka at " + bootstrapServers + " did not say which partitions its nodes lead: " + e);
        }
    }
}
