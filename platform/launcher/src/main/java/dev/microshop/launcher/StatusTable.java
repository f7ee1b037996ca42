package dev.microshop.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints instances as an aligned table with what each costs (RSS, PSS, CPU time: {@link ProcessUsage}) and the
 * totals, followed by the last event of each one that is not ready.
 */
final class StatusTable {

    private static final List<String> HEADER =
            List.of("NAME", "PID", "PORTS", "STATE", "RESTARTS", "RSS MB", "PSS MB", "CPU s", "URL");

    private StatusTable() {}

    /** Prints the table and returns the total usage. */
    static ProcessUsage print(List<InstanceState> instances, Home home, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        ProcessUsage total = ProcessUsage.NONE;
        for (InstanceState instance : instances) {
            ProcessUsage usage = usageOf(instance, home);
            total = total.plus(usage);
            rows.add(List.of(
                    instance.name(),
                    instance.pid() == null ? "-" : instance.pid().toString(),
                    instance.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    instance.state().name(),
                    String.valueOf(instance.restarts()),
                    String.valueOf(usage.rssMb()),
                    String.valueOf(usage.pssMb()),
                    cpu(usage),
                    instance.url()));
        }
        rows.add(List.of(
                "total", "", "", "", "", String.valueOf(total.rssMb()), String.valueOf(total.pssMb()), cpu(total), ""));
        TextTable.print(rows, out);
        instances.stream()
                .filter(instance -> instance.state() != InstanceState.Status.READY && instance.lastEvent() != null)
                .forEach(instance -> out.println("  " + instance.name() + ": " + instance.lastEvent()));
        return total;
    }

    static ProcessUsage usageOf(InstanceState instance, Home home) {
        return instance.pid() == null || !ProcessTree.isInstance(instance.pid(), home, instance.name())
                ? ProcessUsage.NONE
                : ProcessUsage.of(instance.pid(), home, instance.name());
    }

    private static String cpu(ProcessUsage usage) {
        return String.format(Locale.ROOT, "%.1f", usage.cpuSeconds());
    }
}
