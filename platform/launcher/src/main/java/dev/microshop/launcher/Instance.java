package dev.microshop.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One running copy of a process from the table: its instance name (name, name-2, ...), ports, probes,
 * and its command line as the JVM and its options followed by what to run ({@code -jar} or {@code -cp}); a native
 * program has no JVM options, and its program is its command.
 */
public record Instance(
        String name,
        ProcessSpec spec,
        int port,
        Map<String, Integer> ports,
        URI ready,
        URI live,
        String url,
        Path jar,
        List<String> javaAndOptions,
        List<String> program,
        Map<String, String> environment) {

    int tier() {
        return spec.tier();
    }

    /**
     * The argument that names the instance on a JVM's command line, for whoever reads ps; the launcher itself tells its
     * processes apart by their environment (ProcessTree).
     */
    static String marker(String instance) {
        return "-Dmicroshop.instance=" + instance;
    }

    /** An actuator endpoint of a Spring app on its management port, e.g. {@code /actuator/busrefresh}. */
    URI management(String path) {
        Integer port = ports.get(ProcessSpec.MANAGEMENT);
        if (port == null) {
            throw new IllegalArgumentException(name + " has no management port (it is not a spring process)");
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    List<Integer> allPorts() {
        List<Integer> all = new ArrayList<>();
        all.add(port);
        all.addAll(ports.values());
        return all;
    }
}
