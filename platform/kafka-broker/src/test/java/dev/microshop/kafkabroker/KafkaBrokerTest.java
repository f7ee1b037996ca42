package dev.microshop.kafkabroker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void serves_produce_and_consume_and_keeps_records_across_a_restart() throws Exception {
        // The build points java.io.tmpdir into target/ without creating it.
        Path dataDir = Files.createTempDirectory(
                Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))), "kafka");
        BrokerSettings settings = new BrokerSettings(dataDir, freePort(), freePort(), freePort());

        try (KafkaBroker broker = new KafkaBroker(settings)) {
            assertThat(healthStatus(settings)).isEqualTo(503);
            broker.start();
            assertThat(healthStatus(settings)).isEqualTo(200);
            produce(settings.bootstrapServers(), "orders", "order-1", "created");
            assertThat(consumeAll(settings.bootstrapServers(), "orders", 1)).containsExactly("order-1=created");
        }
        String clusterId = Files.readString(dataDir.resolve("cluster.id"));

        try (KafkaBroker restarted = new KafkaBroker(settings)) {
            restarted.start();
            assertThat(consumeAll(settings.bootstrapServers(), "orders", 1)).containsExactly("order-1=created");
        }
        assertThat(Files.readString(dataDir.resolve("cluster.id"))).isEqualTo(clusterId);
    }

    /**
     * Three nodes, each broker and controller: topics get three replicas and need two in sync, internal topics
     * included, and the cluster goes on serving when the node that leads the partition stops.
     */
    @Test
    void a_cluster_of_three_replicates_every_topic_and_survives_the_loss_of_the_leader() throws Exception {
        Path clusterDir = Files.createTempDirectory(
                Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))), "kafka-cluster");
        int[][] ports = new int[3][];
        for (int node = 0; node < 3; node++) {
            ports[node] = new int[] {freePort(), freePort(), freePort()};
        }
        List<String> controllers =
                Arrays.stream(ports).map(p -> "127.0.0.1:" + p[1]).toList();
        List<KafkaBroker> nodes = new ArrayList<>();
        try {
            for (int node = 0; node < 3; node++) {
                nodes.add(new KafkaBroker(new BrokerSettings(
                        clusterDir.resolve("node-" + (node + 1)),
                        ports[node][0],
                        ports[node][1],
                        ports[node][2],
                        node + 1,
                        controllers)));
            }
            // A node is serving once the quorum has it: the three must start together.
            try (ExecutorService starting = Executors.newFixedThreadPool(3)) {
                for (Future<?> started : starting.invokeAll(nodes.stream()
                        .map(node -> (Callable<Void>) () -> {
                            node.start();
                            return null;
                        })
                        .toList())) {
                    started.get();
                }
            }
            String bootstrap = String.join(
                    ",", Arrays.stream(ports).map(p -> "127.0.0.1:" + p[0]).toList());
            produce(bootstrap, "orders", "order-1", "created");
            assertThat(consumeAll(bootstrap, "orders", 1)).containsExactly("order-1=created");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Map<String, TopicDescription> topics = admin.describeTopics(List.of("orders", "__consumer_offsets"))
                        .allTopicNames()
                        .get();
                assertThat(topics.values())
                        .flatExtracting(TopicDescription::partitions)
                        .allSatisfy(
                                partition -> assertThat(partition.replicas()).hasSize(3));
                ConfigResource orders = new ConfigResource(ConfigResource.Type.TOPIC, "orders");
                assertThat(admin.describeConfigs(List.of(orders))
                                .all()
                                .get()
                                .get(orders)
                                .get("min.insync.replicas")
                                .value())
                        .isEqualTo("2");

                int leader =
                        topics.get("orders").partitions().getFirst().leader().id();
                nodes.remove(leader - 1).close();
                produce(bootstrap, "orders", "order-2", "created");
                assertThat(consumeAll(bootstrap, "orders", 2))
                        .containsExactlyInAnyOrder("order-1=created", "order-2=created");
            }
        } finally {
            // As ./microshop down stops them: all at once.
            nodes.parallelStream().forEach(KafkaBroker::close);
        }
        assertThat(Files.readString(clusterDir.resolve("cluster.id"))).isNotBlank();
    }

    private int healthStatus(BrokerSettings settings) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + settings.healthPort() + "/health"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void produce(String bootstrapServers, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Reads the topic from the beginning with a fresh group until {@code expected} records arrive or 15 s pass. */
    private static List<String> consumeAll(String bootstrapServers, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<String> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
            return records;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
