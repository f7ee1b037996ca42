package dev.microshop.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds and stops the processes the launcher started, children of children included. Every such
 * process carries MICROSHOP_HOME and MICROSHOP_INSTANCE in its environment (inherited by anything
 * it starts), which also finds processes whose parent is already gone.
 */
final class ProcessTree {

    /** How long a process left after its parent stopped gets to end on its own. */
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(3);
    /** And then between SIGTERM and SIGKILL. */
    private static final Duration CHILD_GRACE = Duration.ofSeconds(5);

    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {}

    /** The command line (program and arguments) of a live process, or empty when it is gone or unreadable. */
    static Optional<List<String>> commandLine(long pid) {
        return readProc(pid, "cmdline")
                .map(raw -> List.of(new String(raw, StandardCharsets.UTF_8).split("\0")))
                .filter(arguments -> !arguments.get(0).isEmpty());
    }

    /**
     * Whether the process is alive and each of the given arguments is on its command line: tells our
     * process apart from another that was given the same pid later.
     */
    static boolean isAliveWith(long pid, String... arguments) {
        Optional<List<String>> commandLine = commandLine(pid);
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && commandLine.isPresent()
                && commandLine.get().containsAll(Arrays.asList(arguments));
    }

    /**
     * Whether pid is still the process started for this instance of this home, not a later one with its pid, nor one
     * of its children (they inherit its marks; its parent, the supervisor or init, has none).
     */
    static boolean isInstance(long pid, Home home, String instance) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> isMarked(pid, home, instance))
                .map(process -> process.parent()
                        .map(parent -> !isMarked(parent.pid(), home, instance))
                        .orElse(true))
                .orElse(false);
    }

    /** Live processes started for this home (and, unless null, for this instance). */
    static List<ProcessHandle> startedFor(Home home, String instance) {
        List<ProcessHandle> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid != self && isMarked(pid, home, instance)) {
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    private static boolean isMarked(long pid, Home home, String instance) {
        Optional<byte[]> raw = readProc(pid, "environ");
        if (raw.isEmpty()) {
            return false;
        }
        List<String> variables = Arrays.asList(new String(raw.get(), StandardCharsets.UTF_8).split("\0"));
        String instanceVariable = instance == null ? "MICROSHOP_INSTANCE=" : "MICROSHOP_INSTANCE=" + instance;
        return variables.contains("MICROSHOP_HOME=" + home.root())
                && variables.stream()
                        .anyMatch(variable -> instance == null
                                ? variable.startsWith(instanceVariable)
                                : variable.equals(instanceVariable));
    }

    private static Optional<byte[]> readProc(long pid, String file) {
        try {
            return Optional.of(
                    Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve(file)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Sends a signal (STOP, CONT, QUIT) to a process and all its descendants (PostgreSQL's, Kafka's children too). */
    static void signal(ProcessHandle root, String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(root.pid())));
        root.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops root (SIGTERM, then SIGKILL after the grace period), then whatever is left of its
     * descendants and of the other given processes: they get a moment to end on their own, then
     * SIGTERM, then SIGKILL.
     */
    static void stop(ProcessHandle root, List<ProcessHandle> others, Duration grace) {
        Set<ProcessHandle> family = new LinkedHashSet<>();
        if (root != null) {
            // Taken before the root exits: afterwards its children belong to init and cannot be found from it.
            root.descendants().forEach(family::add);
            // The root first, so it can shut its own children down in its own order.
            terminate(List.of(root), grace);
        }
        family.addAll(others);
        // Children often follow their parent, or a watchdog of theirs stops them properly (the postgres
        // jar's sends PostgreSQL a fast shutdown; our SIGTERM would be a smart one, waiting for clients).
        awaitExit(alive(family), Instant.now().plus(LEFTOVER_GRACE));
        terminate(alive(family), CHILD_GRACE);
    }

    private static void terminate(List<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        awaitExit(processes, Instant.now().plus(grace));
        List<ProcessHandle> stubborn = alive(processes);
        stubborn.forEach(ProcessHandle::destroyForcibly);
        awaitExit(stubborn, Instant.now().plus(CHILD_GRACE));
    }

    static List<ProcessHandle> alive(Iterable<ProcessHandle> processes) {
        List<ProcessHandle> alive = new ArrayList<>();
        processes.forEach(process -> {
            if (process.isAlive()) {
                alive.add(process);
            }
        });
        return alive;
    }

    private static void awaitExit(List<ProcessHandle> processes, Instant deadline) {
        for (ProcessHandle process : processes) {
            long millisLeft =
                    Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                process.onExit().get(millisLeft, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
