package dev.microshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a process table of stand-in servers on free ports, with supervision timings short enough for tests. */
final class StandInTable {

    private final Path home;
    private final StringBuilder processes = new StringBuilder();

    StandInTable(Path home) {
        this.home = home;
    }

    StandInTable standIn(String name, int tier, int port, Map<String, String> env) {
        return entry(name, tier, port, null, env, false);
    }

    StandInTable scalableStandIn(String name, int tier, int port, int grpcPort, Map<String, String> env) {
        return entry(name, tier, port, grpcPort, env, true);
    }

    StandInTable missingJar(String name, int tier, int port) {
        processes.append("""
                  - name: %s
                    tier: %d
                    jar: target/does-not-exist.jar
                    port: %d
                    ready: http://127.0.0.1:{port}/health
                """.formatted(name, tier, port));
        return this;
    }

    private StandInTable entry(
            String name, int tier, int port, Integer grpcPort, Map<String, String> env, boolean scalable) {
        processes.append("""
                  - name: %s
                    tier: %d
                    kind: spring
                    mainClass: %s
                    classpath: %s
                    heap: 32m
                    port: %d
                    ports: {%s}
                    scalable: %s
                    env: {%s}
                """.formatted(
                        name,
                        tier,
                        StandInServer.class.getName(),
                        testClasses(),
                        port,
                        grpcPort == null ? "" : "grpc: " + grpcPort,
                        scalable,
                        env.entrySet().stream()
                                .map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                                .collect(Collectors.joining(", "))));
        return this;
    }

    Path write() {
        Path file = home.resolve("processes.yml");
        String table = """
                supervision:
                  checkEveryMillis: 300
                  checkTimeoutMillis: 500
                  failedChecksBeforeRestart: 3
                  firstRestartDelayMillis: 200
                  maxRestartDelayMillis: 800
                  stableAfterMillis: 60000
                  startTimeoutMillis: 20000
                  stopGraceMillis: 2000
                processes:
                """ + processes;
        try {
            return Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose replica port (+10), management port (+10000) and replica management port are free too. */
    static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                int management = port + ProcessSpec.MANAGEMENT_PORT_OFFSET;
                List<Integer> others = List.of(
                        port + ProcessSpec.DEFAULT_REPLICA_PORT_STEP,
                        management,
                        management + ProcessSpec.DEFAULT_REPLICA_PORT_STEP);
                if (others.getLast() <= 65535 && others.stream().noneMatch(HealthProbe::isListening)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String testClasses() {
        try {
            return Path.of(StandInServer.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
