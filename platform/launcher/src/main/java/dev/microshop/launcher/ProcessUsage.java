package dev.microshop.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one instance costs now, its children included (PostgreSQL's server processes, which belong to init once
 * started, are found by the environment they inherit): resident memory (RSS, pages shared between the processes
 * counted in each), its proportional share (PSS, shared pages split between those sharing them, so the sum over
 * processes is what they take together), and the CPU time used since each process started. From /proc (Linux).
 */
record ProcessUsage(long rssKb, long pssKb, double cpuSeconds) {

    /** The kernel's clock ticks per second for /proc/PID/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    static final ProcessUsage NONE = new ProcessUsage(0, 0, 0);

    static ProcessUsage of(long pid, Home home, String instance) {
        Set<Long> pids = new LinkedHashSet<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(process -> process.descendants().forEach(child -> pids.add(child.pid())));
        ProcessTree.startedFor(home, instance).forEach(process -> pids.add(process.pid()));
        ProcessUsage total = NONE;
        for (long each : pids) {
            total = total.plus(ofOne(each));
        }
        return total;
    }

    ProcessUsage plus(ProcessUsage other) {
        return new ProcessUsage(rssKb + other.rssKb, pssKb + other.pssKb, cpuSeconds + other.cpuSeconds);
    }

    long rssMb() {
        return rssKb / 1024;
    }

    long pssMb() {
        return pssKb / 1024;
    }

    private static ProcessUsage ofOne(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            long rss = 0;
            long pss = 0;
            for (String line : Files.readAllLines(proc.resolve("smaps_rollup"))) {
                if (line.startsWith("Rss:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("Pss:")) {
                    pss = kilobytes(line);
                }
            }
            // The command name in parentheses may hold spaces: the fields counted here come after it.
            String stat = Files.readString(proc.resolve("stat"));
            List<String> fields =
                    List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            double cpu = (Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12))) / TICKS_PER_SECOND;
            return new ProcessUsage(rss, pss, cpu);
        } catch (IOException | RuntimeException e) {
            // Gone in the meantime, or not readable: it costs nothing that can be counted.
            return NONE;
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
