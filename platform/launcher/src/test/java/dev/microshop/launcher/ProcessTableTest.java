package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The built-in process table and the rules every table obeys; nothing is started. */
class ProcessTableTest {

    private static final ProcessTable BUILT_IN = ProcessTable.load(null);
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path directory;

    @Test
    void every_spring_process_serves_its_actuator_on_loopback_at_its_port_plus_10000_replicas_too() {
        List<Instance> instances = BUILT_IN.instances(home(), Map.of("user-service", 2), Map.of());

        Instance userService = instance(instances, "user-service");
        assertThat(userService.allPorts()).containsExactly(8101, 9101, 18101);
        assertThat(userService.environment())
                .containsEntry("MANAGEMENT_SERVER_PORT", "18101")
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        assertThat(userService.ready()).isEqualTo(URI.create("http://127.0.0.1:18101/actuator/health/readiness"));
        assertThat(userService.live()).isEqualTo(URI.create("http://127.0.0.1:18101/actuator/health/liveness"));
        assertThat(instance(instances, "user-service-2").allPorts()).containsExactly(8111, 9111, 18111);
        assertThat(instance(instances, "gateway").environment()).containsEntry("MANAGEMENT_SERVER_PORT", "18080");
        assertThat(instance(instances, "config-server").management("/actuator/busrefresh"))
                .isEqualTo(URI.create("http://127.0.0.1:18888/actuator/busrefresh"));
        Instance postgres = instance(instances, "postgres");
        assertThat(postgres.allPorts()).containsExactly(54320, 54321);
        assertThat(postgres.environment()).doesNotContainKey("MANAGEMENT_SERVER_PORT");
    }

    /**
     * The table is the local system's port plan; a process started without the launcher ({@code spring-boot:run},
     * the prod profile) takes its ports from its own settings instead, config/ over its module's application.yml:
     * the two must agree.
     */
    @Test
    void every_spring_process_is_configured_with_the_ports_the_table_gives_its_first_instance() throws Exception {
        for (ProcessSpec spec : BUILT_IN.processes()) {
            if (spec.kind() == ProcessSpec.Kind.SPRING) {
                assertThat(configuredPort(spec, "/server/port"))
                        .as("%s server.port", spec.name())
                        .isEqualTo(spec.port());
                assertThat(configuredPort(spec, "/spring/grpc/server/port"))
                        .as("%s grpc port", spec.name())
                        .isEqualTo(spec.ports().get("grpc"));
            }
        }
    }

    private static Integer configuredPort(ProcessSpec spec, String pointer) throws Exception {
        Path root = Path.of("../..");
        for (Path settings : List.of(
                root.resolve("config/" + spec.name() + ".yml"),
                root.resolve(spec.jar()).getParent().resolveSibling("src/main/resources/application.yml"))) {
            if (Files.exists(settings)) {
                JsonNode port = YAML.readTree(Files.readString(settings)).at(pointer);
                if (!port.isMissingNode()) {
                    return port.asInt();
                }
            }
        }
        return null;
    }

    @Test
    void no_two_ports_of_the_system_overlap_even_with_every_scalable_service_at_the_most_replicas() {
        Map<String, Integer> mostReplicas = new LinkedHashMap<>();
        BUILT_IN.processes().stream()
                .filter(ProcessSpec::scalable)
                .forEach(spec -> mostReplicas.put(spec.name(), ProcessTable.MAX_REPLICAS));
        assertThat(mostReplicas)
                .containsKeys(
                        "user-service",
                        "inventory-service",
                        "order-service",
                        "payment-service",
                        "notification-service",
                        "gateway",
                        "kafka");

        Map<Integer, List<String>> users = new LinkedHashMap<>();
        List<Instance> all = BUILT_IN.instances(home(), mostReplicas, withNativePrograms());
        assertThat(all).extracting(Instance::name).contains("prometheus", "alertmanager");
        for (Instance instance : all) {
            instance.allPorts()
                    .forEach(port ->
                            users.computeIfAbsent(port, p -> new ArrayList<>()).add(instance.name()));
        }

        assertThat(users)
                .hasSizeGreaterThan(100)
                .allSatisfy((port, instances) ->
                        assertThat(instances).as("port %d", port).hasSize(1));
        assertThat(users.keySet()).allSatisfy(port -> assertThat(port).isBetween(1, 65535));
    }

    @Test
    void an_image_runs_its_jvm_with_the_options_up_gives_it_its_temporary_files_in_tmp_and_no_log_file() {
        ProcessSpec gateway = BUILT_IN.processes().stream()
                .filter(spec -> spec.name().equals("gateway"))
                .findFirst()
                .orElseThrow();
        List<String> upOptions = instance(BUILT_IN.instances(home(), Map.of(), Map.of()), "gateway")
                .javaAndOptions();

        List<String> imageOptions = BUILT_IN.imageJvmOptions(gateway);

        assertThat(imageOptions)
                .startsWith("-Xmx256m", "-XX:+UseSerialGC", "-Xss512k")
                .contains("-XX:NewRatio=1", "-Dreactor.netty.ioWorkerCount=2", "-Djava.io.tmpdir=/tmp")
                .endsWith("-Dlogging.file.name=")
                .noneMatch(option -> option.startsWith("-Dmicroshop.instance"));
        assertThat(upOptions.subList(1, upOptions.size() - 1))
                .as("up's options but the java program, its temporary directory and the instance marker")
                .containsExactlyElementsOf(imageOptions.stream()
                        .filter(option -> !option.startsWith("-Dlogging.file.name"))
                        .map(option ->
                                option.equals("-Djava.io.tmpdir=/tmp") ? "-Djava.io.tmpdir=" + home().tmp() : option)
                        .toList());
    }

    @Test
    void the_production_topology_runs_a_kafka_cluster_of_three_two_of_each_service_and_redis_for_the_gateways() {
        Options production = Options.parse(List.of("--topology", "production", "--replicas", "order-service=3"));
        Map<String, Integer> replicas = BUILT_IN.replicas(production);
        assertThat(replicas)
                .containsEntry("kafka", 3)
                .containsEntry("gateway", 2)
                .containsEntry("payment-service", 2)
                .containsEntry("order-service", 3);

        List<Instance> instances = BUILT_IN.instances(home(), replicas, withNativePrograms());

        assertThat(instance(instances, "kafka-2").allPorts()).containsExactly(9192, 9193, 9194);
        assertThat(instance(instances, "kafka-3").environment())
                .containsEntry("KAFKA_NODE_ID", "3")
                .containsEntry("KAFKA_PORT", "9292")
                .containsEntry("KAFKA_CONTROLLERS", "127.0.0.1:9093,127.0.0.1:9193,127.0.0.1:9293");
        assertThat(instances)
                .allSatisfy(instance -> assertThat(instance.environment())
                        .as(instance.name())
                        .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292")
                        .containsEntry("MICROSHOP_GATEWAY_RATE_LIMITS", "redis"));
        assertThat(instance(instances, "gateway-2").port()).isEqualTo(8090);
        assertThat(instance(instances, "order-service-3").port()).isEqualTo(8123);
        assertThat(instance(instances, "redis").program()).containsSubsequence("--bind", "127.0.0.1", "--port", "6379");
        assertThat(instance(instances, "redis").ready()).isEqualTo(URI.create("tcp://127.0.0.1:6379"));
    }

    @Test
    void redis_runs_only_for_several_gateways_and_one_kafka_node_is_a_cluster_of_one() {
        List<Instance> instances = BUILT_IN.instances(
                home(), BUILT_IN.replicas(Options.parse(List.of("--kafka-brokers", "1"))), withNativePrograms());

        assertThat(instances).extracting(Instance::name).doesNotContain("redis", "kafka-2");
        assertThat(instance(instances, "order-service").environment())
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .doesNotContainKey("MICROSHOP_GATEWAY_RATE_LIMITS");
        assertThat(instance(instances, "kafka").environment())
                .containsEntry("KAFKA_NODE_ID", "1")
                .containsEntry("KAFKA_CONTROLLERS", "127.0.0.1:9093");
        assertThat(Options.parse(List.of("--topology", "production", "--replicas", "gateway=3"))
                        .training()
                        .forSupervisor())
                .as("a training run starts one instance of each process")
                .containsExactly("--train");
        assertThatThrownBy(() -> BUILT_IN.replicas(Options.parse(List.of("--topology", "huge"))))
                .hasMessage("unknown topology 'huge'; known: production");
        assertThatThrownBy(() -> Options.parse(List.of("--kafka-brokers", "three")))
                .hasMessage("--kafka-brokers takes a number, e.g. 3");
    }

    @Test
    void more_replicas_than_the_bound_are_refused_with_a_clear_message() {
        assertThatThrownBy(() ->
                        BUILT_IN.instances(home(), Map.of("user-service", ProcessTable.MAX_REPLICAS + 1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user-service=10: replicas must be between 1 and 9");
    }

    @Test
    void a_table_whose_replicas_would_share_a_port_with_another_process_is_refused_naming_both() throws Exception {
        ProcessTable table = table("""
                  - name: a
                    mainClass: A
                    classpath: target/classes
                    port: 9000
                    ready: http://127.0.0.1:{port}/
                    scalable: true
                  - name: b
                    mainClass: B
                    classpath: target/classes
                    port: 9020
                    ready: http://127.0.0.1:{port}/
                """);

        assertThat(table.instances(home(), Map.of("a", 2), Map.of())).hasSize(3);
        assertThatThrownBy(() -> table.instances(home(), Map.of("a", 3), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 9020 would be used by both a-3 and b");
    }

    @Test
    void the_management_port_fills_the_management_placeholder() throws Exception {
        ProcessTable table = table("""
                  - name: app
                    kind: spring
                    mainClass: App
                    classpath: target/classes
                    port: 9000
                    url: http://127.0.0.1:{management}/actuator
                    env: {MANAGEMENT_URL: "http://127.0.0.1:{management}"}
                """);

        Instance app = table.instances(home(), Map.of(), Map.of()).getFirst();

        assertThat(app.url()).isEqualTo("http://127.0.0.1:19000/actuator");
        assertThat(app.environment()).containsEntry("MANAGEMENT_URL", "http://127.0.0.1:19000");
    }

    @Test
    void a_native_program_runs_from_the_path_with_its_placeholders_filled_and_without_a_jvm() throws Exception {
        Instance prometheus = instance(BUILT_IN.instances(home(), Map.of(), withNativePrograms()), "prometheus");

        assertThat(prometheus.javaAndOptions()).isEmpty();
        assertThat(prometheus.program())
                .startsWith(directory.resolve("bin/prometheus").toString())
                .contains(
                        "--config.file=" + directory.resolve("deploy/prometheus/prometheus.yml"),
                        "--web.listen-address=127.0.0.1:9090");
        assertThat(prometheus.environment()).containsEntry("MICROSHOP_INSTANCE", "prometheus");
    }

    @Test
    void a_native_program_that_is_not_installed_is_left_out_and_named_with_how_to_install_it() {
        List<Instance> instances = BUILT_IN.instances(home(), Map.of(), Map.of("PATH", directory.toString()));

        assertThat(instances).extracting(Instance::name).doesNotContain("prometheus", "alertmanager");
        assertThat(BUILT_IN.notInstalled(Map.of(), Map.of("PATH", directory.toString())))
                .extracting(ProcessSpec::name, ProcessSpec::install)
                .containsExactly(
                        tuple("prometheus", "apt-get install prometheus"),
                        tuple("alertmanager", "apt-get install prometheus-alertmanager"));
    }

    /** A PATH on which the table's native programs are installed (as stand-ins that are never run). */
    private Map<String, String> withNativePrograms() {
        try {
            Path bin = Files.createDirectories(directory.resolve("bin"));
            for (String program : List.of("prometheus", "prometheus-alertmanager", "redis-server")) {
                Path file = bin.resolve(program);
                if (!Files.exists(file)) {
                    Files.writeString(file, "#!/bin/sh\nexit 1\n");
                    file.toFile().setExecutable(true);
                }
            }
            return Map.of("PATH", bin.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Home home() {
        return new Home(directory);
    }

    private ProcessTable table(String processes) throws Exception {
        return ProcessTable.load(Files.writeString(directory.resolve("processes.yml"), """
                supervision:
                  checkEveryMillis: 300
                processes:
                """ + processes));
    }

    private static Instance instance(List<Instance> instances, String name) {
        return instances.stream()
                .filter(instance -> instance.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
