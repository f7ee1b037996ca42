package dev.microshop.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Prints instances as an aligned table, followed by the last event of each one that is not ready. */
final class StatusTable {

    private static final List<String> HEADER = List.of("NAME", "PID", "PORTS", "STATE", "RESTARTS", "URL");

    private StatusTable() {}

    static void print(List<InstanceState> instances, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (InstanceState instance : instances) {
            rows.add(List.of(
                    instance.name(),
                    instance.pid() == null ? "-" : instance.pid().toString(),
                    instance.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    instance.state().name(),
                    String.valueOf(instance.restarts()),
                    instance.url()));
        }
        TextTable.print(rows, out);
        instances.stream()
                .filter(instance -> instance.state() != InstanceState.Status.READY && instance.lastEvent() != null)
                .forEach(instance -> out.println("  " + instance.name() + ": " + instance.lastEvent()));
    }
}
