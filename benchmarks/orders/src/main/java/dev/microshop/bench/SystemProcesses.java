package dev.microshop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes of the running system and what they have used: CPU time and memory from /proc. The supervised
 * processes come from {@code ./microshop status --json}; the PostgreSQL server runs detached from its supervised JVM,
 * so its postmaster (from its pid file) and every backend it forked count as one more process, "postgres (server)".
 */
final class SystemProcesses {

    static final String LOAD_TOOL = "load tool";
    private static final long TICK_MILLIS = 10; // USER_HZ is 100 on Linux
    private static final String POSTGRES_SERVER = "postgres (server)";

    /**
     * CPU milliseconds per process, the pid each was read from (a process whose pid changed between two samples was
     * restarted in between), and the memory of all of them (proportional set size, shared pages counted once).
     */
    record Sample(long atMillis, Map<String, Long> cpuMillis, Map<String, Long> pids, long memoryBytes) {}

    private final Path home;
    private final Path postmasterPidFile;
    private Map<String, Long> supervised;

    private SystemProcesses(Path home, Map<String, Long> supervised) {
        this.home = home;
        this.postmasterPidFile = home.resolve(".microshop/data/postgres/postmaster.pid");
        this.supervised = supervised;
    }

    static SystemProcesses of(Path home) throws IOException, InterruptedException {
        return new SystemProcesses(home, supervisedPids(home));
    }

    private static Map<String, Long> supervisedPids(Path home) throws IOException, InterruptedException {
        Process status = new ProcessBuilder(home.resolve("microshop").toString(), "status", "--json")
                .directory(home.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String json = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (status.waitFor() != 0) {
            throw new IllegalStateException("./microshop status --json failed: is the system running?");
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        collectPids(Shop.JSON.readTree(json), pids);
        if (pids.isEmpty()) {
            throw new IllegalStateException("./microshop status --json named no process with a pid: " + json);
        }
        return pids;
    }

    private static void collectPids(JsonNode node, Map<String, Long> pids) {
        if (node.path("name").isTextual()
                && node.path("pid").canConvertToLong()
                && node.path("pid").asLong() > 0) {
            pids.put(node.path("name").asText(), node.path("pid").asLong());
        }
        node.forEach(child -> collectPids(child, pids));
    }

    synchronized Sample sample() {
        if (supervised.values().stream().anyMatch(pid -> ProcessHandle.of(pid).isEmpty())) {
            supervised = restartedPids();
        }
        Map<String, Long> cpu = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        long memory = 0;
        Map<String, List<Long>> processes = new LinkedHashMap<>();
        supervised.forEach((name, pid) -> processes.put(name, List.of(pid)));
        processes.put(POSTGRES_SERVER, postgresServer());
        processes.put(LOAD_TOOL, List.of(ProcessHandle.current().pid()));
        for (Map.Entry<String, List<Long>> process : processes.entrySet()) {
            long ticks = 0;
            for (long pid : process.getValue()) {
                ticks += pid == process.getValue().getFirst() ? cpuTicksWithReapedChildren(pid) : cpuTicks(pid);
                memory += process.getKey().equals(LOAD_TOOL) ? 0 : pssBytes(pid);
            }
            cpu.put(process.getKey(), ticks * TICK_MILLIS);
            if (!process.getValue().isEmpty()) {
                pids.put(process.getKey(), process.getValue().getFirst());
            }
        }
        return new Sample(System.currentTimeMillis(), cpu, pids, memory);
    }

    /** The supervisor restarted a process: ask it again for the pids, keeping the old ones if it cannot answer. */
    private Map<String, Long> restartedPids() {
        try {
            return supervisedPids(home);
        } catch (IOException | RuntimeException e) {
            return supervised;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return supervised;
        }
    }

    private List<Long> postgresServer() {
        long postmaster;
        try {
            postmaster = Long.parseLong(
                    Files.readAllLines(postmasterPidFile).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::valueOf)
                    .filter(pid -> statFields(pid)
                            .map(fields -> fields[1].equals(String.valueOf(postmaster)))
                            .orElse(false))
                    .forEach(pids::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    /** User plus system time, in clock ticks; 0 for a process that has gone. */
    private static long cpuTicks(long pid) {
        return statFields(pid)
                .map(fields -> Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                .orElse(0L);
    }

    /**
     * Its own time and that of its children that have ended: a PostgreSQL backend that exits between two samples
     * moves its time into the postmaster's, so the sum never goes back.
     */
    private static long cpuTicksWithReapedChildren(long pid) {
        return statFields(pid)
                .map(fields -> Long.parseLong(fields[11])
                        + Long.parseLong(fields[12])
                        + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14]))
                .orElse(0L);
    }

    /** The fields of /proc/PID/stat after the command name (which may hold spaces): state, ppid, ... */
    private static Optional<String[]> statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long pssBytes(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
            return lines.filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
