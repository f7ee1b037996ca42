package dev.microshop.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The processes of the local system and how they are supervised, read from processes.yml. */
public record ProcessTable(
        Supervision supervision, List<ProcessSpec> processes, Map<String, Map<String, Integer>> topologies) {

    /**
     * Two cores run nine replicas of a service at most; and the steps of ten (a hundred for Kafka) stay clear of
     * every other port of the built-in table (ProcessTableTest checks that).
     */
    static final int MAX_REPLICAS = 9;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public ProcessTable {
        processes = List.copyOf(processes);
        topologies = topologies == null ? Map.of() : Map.copyOf(topologies);
    }

    /** Reads the given table, or the built-in one when file is null. */
    static ProcessTable load(Path file) {
        try (InputStream in =
                file == null ? ProcessTable.class.getResourceAsStream("/processes.yml") : Files.newInputStream(file)) {
            return YAML.readValue(in, ProcessTable.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The replicas the options ask for: their topology's, then each --replicas NAME=N over it. */
    Map<String, Integer> replicas(Options options) {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        if (options.topology() != null) {
            Map<String, Integer> topology = topologies.get(options.topology());
            if (topology == null) {
                throw new IllegalArgumentException("unknown topology '" + options.topology() + "'; known: "
                        + String.join(", ", topologies.keySet()));
            }
            replicas.putAll(topology);
        }
        replicas.putAll(options.replicas());
        return replicas;
    }

    /**
     * The instances to run, ordered by tier. {@code replicas} maps a scalable process to its number of
     * copies; {@code environment} supplies MICROSHOP_PROFILE and MICROSHOP_FAST_START.
     */
    List<Instance> instances(Home home, Map<String, Integer> replicas, Map<String, String> environment) {
        checkReplicas(replicas);
        List<ProcessSpec> running = processes.stream()
                .filter(spec -> spec.runsWith(replicas))
                .filter(spec ->
                        !spec.isNative() || nativeProgram(spec, environment).isPresent())
                .toList();
        // What a process exports (Kafka's bootstrap servers, Redis's use) every process gets.
        Map<String, String> exported = new LinkedHashMap<>();
        for (ProcessSpec spec : running) {
            Map<String, String> peers = peers(spec, replicas.getOrDefault(spec.name(), 1));
            spec.exports().forEach((variable, value) -> exported.put(variable, fill(value, peers)));
        }
        List<Instance> instances = new ArrayList<>();
        for (ProcessSpec spec : running) {
            int copies = replicas.getOrDefault(spec.name(), 1);
            for (int replica = 1; replica <= copies; replica++) {
                instances.add(instance(spec, replica, copies, home, environment, exported));
            }
        }
        instances.sort(Comparator.comparingInt(Instance::tier));
        checkPorts(instances);
        return instances;
    }

    /** The native programs of the table that are not installed here: up runs without them and says how to add them. */
    List<ProcessSpec> notInstalled(Map<String, Integer> replicas, Map<String, String> environment) {
        return processes.stream()
                .filter(spec -> spec.runsWith(replicas)
                        && spec.isNative()
                        && nativeProgram(spec, environment).isEmpty())
                .toList();
    }

    /**
     * {@code {peers:P}}: port P (or {@code port}) of every replica of the process, as 127.0.0.1:PORT separated by
     * commas, replica 1 first; and {@code {replicas}}, their number.
     */
    private static Map<String, String> peers(ProcessSpec spec, int copies) {
        Map<String, String> peers = new LinkedHashMap<>();
        peers.put("replicas", String.valueOf(copies));
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("port", spec.port());
        ports.putAll(spec.ports());
        ports.forEach((portName, first) -> {
            List<String> addresses = new ArrayList<>();
            for (int replica = 1; replica <= copies; replica++) {
                addresses.add("127.0.0.1:" + (first + spec.replicaPortStep() * (replica - 1)));
            }
            peers.put("peers:" + portName, String.join(",", addresses));
        });
        return peers;
    }

    /** Where the PATH has the program a native process runs. */
    private static Optional<Path> nativeProgram(ProcessSpec spec, Map<String, String> environment) {
        String program = spec.command().getFirst();
        return Arrays.stream(environment.getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Two processes on one port would fail in ways far from the cause: refuse the table at once instead. */
    private static void checkPorts(List<Instance> instances) {
        Map<Integer, String> owners = new HashMap<>();
        for (Instance instance : instances) {
            for (int port : instance.allPorts()) {
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException(instance.name() + ": port " + port + " is out of range");
                }
                String owner = owners.putIfAbsent(port, instance.name());
                if (owner != null) {
                    throw new IllegalArgumentException(
                            "port " + port + " would be used by both " + owner + " and " + instance.name());
                }
            }
        }
    }

    /** The first (or only) instance of a process. */
    Instance firstInstance(String name, Home home, Map<String, String> environment) {
        return processes.stream()
                .filter(spec -> spec.name().equals(name))
                .findFirst()
                .map(spec -> instance(spec, 1, 1, home, environment, Map.of()))
                .orElseThrow(() -> new IllegalArgumentException("the process table has no " + name));
    }

    private void checkReplicas(Map<String, Integer> replicas) {
        replicas.forEach((name, count) -> {
            ProcessSpec spec = processes.stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown process '" + name + "'; scalable ones: " + scalableNames()));
            if (!spec.scalable() && count != 1) {
                throw new IllegalArgumentException(
                        name + " runs as one instance only; scalable ones: " + scalableNames());
            }
            if (count < 1 || count > MAX_REPLICAS) {
                throw new IllegalArgumentException(
                        name + "=" + count + ": replicas must be between 1 and " + MAX_REPLICAS);
            }
        });
    }

    private String scalableNames() {
        return String.join(
                ", ",
                processes.stream()
                        .filter(ProcessSpec::scalable)
                        .map(ProcessSpec::name)
                        .toList());
    }

    private static Instance instance(
            ProcessSpec spec,
            int replica,
            int copies,
            Home home,
            Map<String, String> environment,
            Map<String, String> exported) {
        String name = replica == 1 ? spec.name() : spec.name() + "-" + replica;
        int offset = spec.replicaPortStep() * (replica - 1);
        int port = spec.port() + offset;
        Map<String, Integer> ports = new LinkedHashMap<>();
        spec.ports().forEach((portName, value) -> ports.put(portName, value + offset));
        Map<String, String> placeholders = placeholders(home.root().toString(), port, ports);
        placeholders.put("replica", String.valueOf(replica));
        placeholders.putAll(peers(spec, copies));

        Path jar = spec.jar() == null ? null : home.root().resolve(spec.jar());
        List<String> program;
        if (spec.isNative()) {
            program = new ArrayList<>();
            program.add(nativeProgram(spec, environment).orElseThrow().toString());
            spec.command().stream().skip(1).forEach(argument -> program.add(fill(argument, placeholders)));
        } else if (jar != null) {
            program = List.of("-jar", jar.toString());
        } else {
            program = List.of("-cp", fill(spec.classpath(), placeholders), spec.mainClass());
        }
        List<String> javaAndOptions = new ArrayList<>();
        if (!spec.isNative()) {
            javaAndOptions.add(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString());
            javaAndOptions.addAll(jvmOptions(spec, home.tmp().toString(), placeholders, environment));
            javaAndOptions.add(Instance.marker(name));
        }
        return new Instance(
                name,
                spec,
                port,
                ports,
                URI.create(fill(spec.ready(), placeholders)),
                URI.create(fill(spec.live(), placeholders)),
                fill(spec.url(), placeholders),
                jar,
                javaAndOptions,
                program,
                processEnvironment(spec, name, port, ports, home, placeholders, environment, exported));
    }

    /**
     * The JVM options of a process's container image (ImageOptions): the ones up gives it, with /tmp as its temporary
     * directory and /app, the image's application directory, for {home}; and no log file (a container's log is its
     * standard output, one JSON object per line).
     */
    List<String> imageJvmOptions(ProcessSpec spec) {
        List<String> options = jvmOptions(spec, "/tmp", placeholders("/app", spec.port(), spec.ports()), Map.of());
        options.add("-Dlogging.file.name=");
        return options;
    }

    private static Map<String, String> placeholders(String home, int port, Map<String, Integer> ports) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("home", home);
        placeholders.put("port", String.valueOf(port));
        ports.forEach((portName, value) -> placeholders.put(portName, String.valueOf(value)));
        return placeholders;
    }

    private static List<String> jvmOptions(
            ProcessSpec spec, String tmp, Map<String, String> placeholders, Map<String, String> environment) {
        List<String> options = new ArrayList<>();
        if (spec.heap() != null) {
            options.add("-Xmx" + spec.heap());
        }
        // Small stacks and the serial collector keep a dozen JVMs inside a laptop's memory.
        options.addAll(List.of(
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + tmp));
        if ("1".equals(environment.get("MICROSHOP_FAST_START"))) {
            // Starts faster but runs slower: only the C1 compiler.
            options.add("-XX:TieredStopAtLevel=1");
        }
        spec.jvmArgs().forEach(argument -> options.add(fill(argument, placeholders)));
        return options;
    }

    private static Map<String, String> processEnvironment(
            ProcessSpec spec,
            String name,
            int port,
            Map<String, Integer> ports,
            Home home,
            Map<String, String> placeholders,
            Map<String, String> environment,
            Map<String, String> exported) {
        Map<String, String> env = new LinkedHashMap<>(exported);
        env.put("MICROSHOP_HOME", home.root().toString());
        env.put("MICROSHOP_INSTANCE", name);
        // glibc gives each thread that allocates its own arena (up to 8 per core), and a JVM's threads leave
        // them partly used: two are enough for the JVM's few native allocations.
        env.put("MALLOC_ARENA_MAX", "2");
        if (spec.kind() == ProcessSpec.Kind.SPRING) {
            env.put("SERVER_PORT", String.valueOf(port));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            // The actuator stays off the public path: its own port, on loopback only.
            env.put("MANAGEMENT_SERVER_PORT", String.valueOf(ports.get(ProcessSpec.MANAGEMENT)));
            env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
            env.put("SPRING_PROFILES_ACTIVE", environment.getOrDefault("MICROSHOP_PROFILE", "dev"));
            if (ports.containsKey("grpc")) {
                env.put("SPRING_GRPC_SERVER_PORT", String.valueOf(ports.get("grpc")));
            }
        }
        spec.env().forEach((key, value) -> env.put(key, fill(value, placeholders)));
        return env;
    }

    private static String fill(String template, Map<String, String> placeholders) {
        String filled = template;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            filled = filled.replace("{" + placeholder.getKey() + "}", placeholder.getValue());
        }
        return filled;
    }
}
