package dev.microshop.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One entry of the process table (processes.yml); see the comment at the top of that file. */
public record ProcessSpec(
        String name,
        int tier,
        Kind kind,
        String jar,
        String mainClass,
        String classpath,
        List<String> command,
        String install,
        String heap,
        int port,
        Map<String, Integer> ports,
        String ready,
        String live,
        String url,
        List<String> jvmArgs,
        Map<String, String> env,
        boolean scalable,
        boolean stopsLast,
        Integer replicaPortStep,
        Map<String, String> exports,
        String onlyWithReplicasOf) {

    public enum Kind {
        PLAIN,
        SPRING
    }

    /** A native program (not a JVM): the command's first word, found on the PATH. */
    boolean isNative() {
        return command != null;
    }

    /**
     * Stops after the Spring apps: the servers they talk to (Kafka, PostgreSQL, Zipkin) and those marked stopsLast. A
     * native program (Prometheus, Alertmanager) stops with the apps: nothing needs it while they stop, and left running
     * it would see them go and alert.
     */
    boolean stopsWithServers() {
        return (kind == Kind.PLAIN && !isNative()) || stopsLast;
    }

    /** Ports of replica n (n >= 2) are the table's ports plus the process's step times (n - 1). */
    static final int DEFAULT_REPLICA_PORT_STEP = 10;

    /** Runs as a dependency of the replicas of another process only (Redis for several gateways). */
    boolean runsWith(Map<String, Integer> replicas) {
        return onlyWithReplicasOf == null || replicas.getOrDefault(onlyWithReplicasOf, 1) > 1;
    }

    /** The extra port on which a Spring app serves its actuator, on loopback only. */
    static final String MANAGEMENT = "management";
    /** A Spring app's management port is its main port plus this (user-service 8101: 18101). */
    static final int MANAGEMENT_PORT_OFFSET = 10000;

    public ProcessSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a process in the table has no name");
        }
        if ((jar != null ? 1 : 0) + (mainClass != null ? 1 : 0) + (command != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException(name + ": give one of jar, mainClass and command");
        }
        kind = kind == null ? Kind.PLAIN : kind;
        if (command != null && (command.isEmpty() || kind != Kind.PLAIN || heap != null)) {
            throw new IllegalArgumentException(
                    name + ": a command is a program and its arguments, of kind plain, no heap");
        }
        command = command == null ? null : List.copyOf(command);
        ports = ports == null ? new LinkedHashMap<>() : new LinkedHashMap<>(ports);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        env = env == null ? Map.of() : new LinkedHashMap<>(env);
        exports = exports == null ? Map.of() : new LinkedHashMap<>(exports);
        replicaPortStep = replicaPortStep == null ? DEFAULT_REPLICA_PORT_STEP : replicaPortStep;
        if (kind == Kind.SPRING) {
            if (ports.containsKey(MANAGEMENT)) {
                throw new IllegalArgumentException(name + ": the management port of a spring process is its port + "
                        + MANAGEMENT_PORT_OFFSET + "; leave it out of ports");
            }
            ports.put(MANAGEMENT, port + MANAGEMENT_PORT_OFFSET);
            ready = ready != null ? ready : "http://127.0.0.1:{management}/actuator/health/readiness";
            live = live != null ? live : "http://127.0.0.1:{management}/actuator/health/liveness";
            url = url != null ? url : "http://127.0.0.1:{port}";
        }
        if (ready == null) {
            throw new IllegalArgumentException(name + ": no ready URL");
        }
        live = live != null ? live : ready;
        url = url != null ? url : "";
    }
}
