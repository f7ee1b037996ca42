package dev.microshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** MICROSHOP_HOME and the runtime files the launcher and every process agree on. */
public record Home(Path root) {

    public Home {
        root = root.toAbsolutePath().normalize();
    }

    static Home from(Map<String, String> environment) {
        return new Home(Path.of(environment.getOrDefault("MICROSHOP_HOME", "")));
    }

    Path logs() {
        return root.resolve(".microshop/logs");
    }

    Path run() {
        return root.resolve(".microshop/run");
    }

    Path tmp() {
        return root.resolve(".microshop/tmp");
    }

    /** The generated passwords (Secrets), readable by the owner only. */
    Path secrets() {
        return root.resolve(".microshop/secrets");
    }

    Path supervisorPidFile() {
        return run().resolve("supervisor.pid");
    }

    Path stateFile() {
        return run().resolve("state.json");
    }

    Path launcherLog() {
        return logs().resolve("launcher.log");
    }

    /** The JSON log the process writes itself. */
    Path logOf(String instance) {
        return logs().resolve(instance + ".log");
    }

    /** The process's raw stdout and stderr. */
    Path outputOf(String instance) {
        return logs().resolve(instance + ".out");
    }

    void createDirectories() {
        try {
            for (Path directory : new Path[] {logs(), run(), tmp()}) {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
