package dev.microshop.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process of a data directory, found through its postmaster.pid. pg_ctl starts
 * it detached from this JVM, so it outlives a JVM that is killed: these methods keep it from lingering.
 */
final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    private final long pid;
    private final Path dataDir;

    private Postmaster(long pid, Path dataDir) {
        this.pid = pid;
        this.dataDir = dataDir;
    }

    /** The server currently running on the data directory, if any. */
    static Optional<Postmaster> of(Path dataDir) throws IOException {
        Path pidFile = pidFile(dataDir);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        return lines.isEmpty()
                ? Optional.empty()
                : Optional.of(new Postmaster(Long.parseLong(lines.getFirst().trim()), dataDir));
    }

    /**
     * Stops a server left running by an earlier JVM that was killed, and removes a pid file naming an
     * unrelated process (PostgreSQL would take it for a running server and refuse to start).
     */
    static void stopLeftover(Path dataDir) throws IOException, InterruptedException {
        Optional<Postmaster> leftover = of(dataDir);
        if (leftover.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(leftover.get().pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        if (!leftover.get().isServerOf(process.get())) {
            log.warn(
                    "postmaster.pid names process {}, which is not this data directory's server: removing it",
                    leftover.get().pid);
            Files.deleteIfExists(pidFile(dataDir));
            return;
        }
        log.warn(
                "A PostgreSQL server from an earlier run (pid {}) still serves {}: stopping it",
                leftover.get().pid,
                dataDir);
        leftover.get().fastShutdown();
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "The earlier PostgreSQL server (pid " + leftover.get().pid + ") did not stop", e);
        }
    }

    long pid() {
        return pid;
    }

    /** Blocks until the server process has ended. */
    void awaitExit() throws InterruptedException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            try {
                process.get().onExit().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Starts a small detached shell that waits for this JVM to end and then stops the server if it is
     * still the one we started (its pid file is removed on a clean stop). It has its own session, so a
     * kill of the JVM's process group leaves it to do its job.
     */
    Process watchForDeathOf(ProcessHandle jvm) throws IOException {
        String script = """
                while kill -0 "$1" 2>/dev/null; do sleep 1; done
                [ "$(head -n 1 "$3" 2>/dev/null)" = "$2" ] && kill -INT "$2"
                """;
        return new ProcessBuilder(
                        "setsid",
                        "sh",
                        "-c",
                        script,
                        "postgres-watchdog",
                        String.valueOf(jvm.pid()),
                        String.valueOf(pid),
                        pidFile(dataDir).toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private boolean isServerOf(ProcessHandle process) {
        List<String> command = process.info().arguments().map(List::of).orElse(List.of());
        String executable = process.info().command().orElse("");
        return executable.endsWith("/postgres") && command.contains(dataDir.toString());
    }

    /** SIGINT is PostgreSQL's fast shutdown: it does not wait for connected clients to leave. */
    private void fastShutdown() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(pid))
                .inheritIO()
                .start()
                .waitFor();
    }

    private static Path pidFile(Path dataDir) {
        return dataDir.resolve("postmaster.pid");
    }
}
