package dev.microshop.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of up and supervise: {@code --replicas NAME=N ...}, {@code --kafka-brokers N} (short for
 * {@code --replicas kafka=N}), {@code --topology NAME} (the replicas of a topology of the process table; --replicas
 * still apply over them), {@code --timeout SECONDS} and {@code --processes FILE} (another process table, e.g. in
 * tests); the supervisor's {@code --train} (a training run for the AOT caches, see AotCache) is set by up itself.
 */
record Options(Map<String, Integer> replicas, String topology, Path processes, Duration timeout, boolean train) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(240);

    private static final String TRAIN = "--train";

    static Options parse(List<String> arguments) {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        Path processes = null;
        String topology = null;
        Duration timeout = DEFAULT_TIMEOUT;
        boolean train = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--replicas" -> {
                    while (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                        String[] replica = arguments.get(++i).split("=", 2);
                        if (replica.length != 2) {
                            throw new IllegalArgumentException("--replicas takes NAME=N, e.g. user-service=2");
                        }
                        replicas.put(replica[0], count(replica[1], "--replicas takes NAME=N, e.g. user-service=2"));
                    }
                }
                case "--kafka-brokers" ->
                    replicas.put(
                            "kafka",
                            count(valueAfter(arguments, i++, argument), "--kafka-brokers takes a number, e.g. 3"));
                case "--topology" -> topology = valueAfter(arguments, i++, argument);
                case "--processes" ->
                    processes = Path.of(valueAfter(arguments, i++, argument)).toAbsolutePath();
                case "--timeout" -> timeout = Duration.ofSeconds(seconds(valueAfter(arguments, i++, argument)));
                case TRAIN -> train = true;
                default -> throw new IllegalArgumentException("unknown option " + argument);
            }
        }
        return new Options(Collections.unmodifiableMap(replicas), topology, processes, timeout, train);
    }

    /**
     * The options of a training run: one instance of each process, whatever the replicas asked for; replicas run with
     * their first instance's cache, so more would only make the training run longer.
     */
    Options training() {
        return new Options(Map.of(), null, processes, timeout, true);
    }

    /** The options the supervisor needs, to pass them on to its process. */
    List<String> forSupervisor() {
        List<String> arguments = new ArrayList<>();
        if (!replicas.isEmpty()) {
            arguments.add("--replicas");
            replicas.forEach((name, count) -> arguments.add(name + "=" + count));
        }
        if (topology != null) {
            arguments.addAll(List.of("--topology", topology));
        }
        if (processes != null) {
            arguments.addAll(List.of("--processes", processes.toString()));
        }
        if (train) {
            arguments.add(TRAIN);
        }
        return arguments;
    }

    private static String valueAfter(List<String> arguments, int index, String option) {
        if (index + 1 >= arguments.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments.get(index + 1);
    }

    private static int count(String value, String usage) {
        if (!value.matches("\\d{1,2}")) {
            throw new IllegalArgumentException(usage);
        }
        return Integer.parseInt(value);
    }

    private static long seconds(String value) {
        if (!value.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("--timeout takes whole seconds, e.g. --timeout 300");
        }
        return Long.parseLong(value);
    }
}
