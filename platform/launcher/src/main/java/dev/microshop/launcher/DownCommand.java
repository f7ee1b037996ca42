package dev.microshop.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * `down`: has the supervisor stop everything in order, or, when the supervisor is gone, stops what it
 * left running itself; then checks that no process and no port of the system is left.
 */
final class DownCommand {

    /** Two tiers, each with a stop grace of 15 s plus the time children get after their parent. */
    private static final Duration SUPERVISOR_STOP_TIMEOUT = Duration.ofSeconds(120);
    /** A training run's processes write their AOT caches as they stop, tier after tier. */
    static final Duration TRAINING_STOP_TIMEOUT = Duration.ofMinutes(15);

    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Duration EXIT_POLL = Duration.ofMillis(50);

    private final Home home;
    private final PrintStream out;
    private final SupervisorPidFile pidFile;
    private final StateFile stateFile;

    DownCommand(Home home, PrintStream out) {
        this.home = home;
        this.out = out;
        this.pidFile = new SupervisorPidFile(home);
        this.stateFile = new StateFile(home.stateFile());
    }

    int run() throws InterruptedException {
        return run(SUPERVISOR_STOP_TIMEOUT);
    }

    int run(Duration supervisorStopTimeout) throws InterruptedException {
        Instant begin = Instant.now();
        Optional<ProcessHandle> supervisor = pidFile.runningSupervisor();
        if (supervisor.isPresent()) {
            out.println("Stopping microshop (supervisor pid " + supervisor.get().pid() + ")...");
            stopSupervisor(supervisor.get(), supervisorStopTimeout);
        } else if (!stopLeftovers()) {
            pidFile.delete();
            out.println("microshop is not running.");
            return 0;
        }
        pidFile.delete();
        return verifyNothingLeft(begin);
    }

    private void stopSupervisor(ProcessHandle supervisor, Duration timeout) throws InterruptedException {
        supervisor.destroy();
        // Polled, not onExit(): for a process that is not our child, the JDK checks ever more rarely (seconds).
        Instant deadline = Instant.now().plus(timeout);
        while (supervisor.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(EXIT_POLL);
        }
        if (supervisor.isAlive()) {
            out.println("The supervisor did not stop within " + timeout.toSeconds()
                    + " s; killing it and stopping its processes directly.");
            supervisor.destroyForcibly();
            stopLeftovers();
        }
    }

    /**
     * Stops the processes a supervisor that is gone (killed, crashed) left running, last tier first.
     * Returns false when there were none.
     */
    boolean stopLeftovers() {
        List<InstanceState> leftovers = stateFile.read().map(SystemState::instances).orElse(List.of()).stream()
                .filter(this::isStillOurs)
                .toList();
        List<ProcessHandle> others = ProcessTree.startedFor(home, null);
        if (leftovers.isEmpty() && others.isEmpty()) {
            return false;
        }
        out.println("The supervisor is gone; stopping what it left running"
                + (leftovers.isEmpty()
                        ? ""
                        : ": " + leftovers.stream().map(InstanceState::name).collect(Collectors.joining(", ")))
                + "...");
        Map<Integer, List<InstanceState>> byTier = new TreeMap<>(Comparator.reverseOrder());
        leftovers.forEach(leftover -> byTier.computeIfAbsent(leftover.tier(), tier -> new ArrayList<>())
                .add(leftover));
        for (List<InstanceState> tier : byTier.values()) {
            try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
                tier.forEach(leftover -> stopping.submit(() -> ProcessTree.stop(
                        ProcessHandle.of(leftover.pid()).orElse(null),
                        ProcessTree.startedFor(home, leftover.name()),
                        GRACE)));
            }
        }
        ProcessTree.stop(null, ProcessTree.startedFor(home, null), GRACE);
        return true;
    }

    /** Alive, and its command line is still the one we started: the pid was not given to another program since. */
    private boolean isStillOurs(InstanceState instance) {
        return instance.pid() != null && ProcessTree.isInstance(instance.pid(), home, instance.name());
    }

    private int verifyNothingLeft(Instant begin) {
        List<InstanceState> instances =
                stateFile.read().map(SystemState::instances).orElse(List.of());
        Set<ProcessHandle> left = new LinkedHashSet<>(ProcessTree.startedFor(home, null));
        instances.stream()
                .filter(this::isStillOurs)
                .forEach(instance -> ProcessHandle.of(instance.pid()).ifPresent(left::add));
        if (!left.isEmpty()) {
            out.println("Killing " + left.size() + " processes that outlived the stop: "
                    + left.stream()
                            .map(process -> String.valueOf(process.pid()))
                            .collect(Collectors.joining(", ")));
            ProcessTree.stop(null, new ArrayList<>(left), Duration.ZERO);
        }
        List<ProcessHandle> survivors = ProcessTree.alive(left);
        List<String> listening = new ArrayList<>();
        int portCount = 0;
        for (InstanceState instance : instances) {
            for (int port : instance.ports()) {
                portCount++;
                if (HealthProbe.isListening(port)) {
                    listening.add(port + " (" + instance.name() + ")");
                }
            }
        }
        String took = SupervisedProcess.seconds(Duration.between(begin, Instant.now()));
        if (survivors.isEmpty() && listening.isEmpty()) {
            out.println("microshop is down (" + took + "): no process left, all " + portCount + " ports free.");
            return 0;
        }
        if (!survivors.isEmpty()) {
            out.println("Still alive: "
                    + survivors.stream()
                            .map(process -> String.valueOf(process.pid()))
                            .collect(Collectors.joining(", ")));
        }
        if (!listening.isEmpty()) {
            out.println("Still listening: " + String.join(", ", listening) + ". Find the owner with: ss -ltnp");
        }
        return 1;
    }
}
