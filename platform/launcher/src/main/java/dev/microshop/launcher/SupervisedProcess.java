package dev.microshop.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Keeps one instance running: starts it once the tiers before it are ready, waits for it to be
 * ready, checks its liveness and restarts it with exponential backoff when it exits or stops answering.
 */
final class SupervisedProcess {

    private static final Duration READY_POLL = Duration.ofMillis(300);
    /** A training run's JVM writes its AOT cache as it exits: on two cores, a dozen of them take minutes. */
    private static final Duration TRAINING_STOP_GRACE = Duration.ofMinutes(6);
    /**
     * A training run's JVMs start with no cache and record one: seven of them together took over 180 s on two cores,
     * and restarting one only made it start again from nothing.
     */
    private static final Duration TRAINING_START_TIMEOUT = Duration.ofMinutes(8);

    private final Instance instance;
    /** Kept apart from the instance, which is described in logs and the state file; these never are. */
    private final Map<String, String> secretEnvironment;

    private final Home home;
    private final Supervision supervision;
    private final HealthProbe probe;
    private final Tiers tiers;
    private final AotCache aotCache;
    private final boolean training;
    private final EventLog log;
    private final Runnable onChange;
    private final ExponentialBackOff backOff;
    private final Thread thread;

    // Guarded by this: read by the state file writer and by stop().
    private Process process;
    private InstanceState.Status status = InstanceState.Status.WAITING;
    private int restarts;
    private int failedStarts;
    private Instant startedAt;
    private Instant readyAt;
    private long outputOffset;
    private String lastEvent = "waiting for the tiers before it";
    private boolean everReady;
    private boolean stopped;

    /** How one run of the process ended. */
    private record Ending(String reason, boolean wasReady) {}

    SupervisedProcess(
            Instance instance,
            Map<String, String> secretEnvironment,
            Home home,
            Supervision supervision,
            HealthProbe probe,
            Tiers tiers,
            AotCache aotCache,
            boolean training,
            EventLog log,
            Runnable onChange) {
        this.instance = instance;
        this.secretEnvironment = Map.copyOf(secretEnvironment);
        this.home = home;
        this.supervision = supervision;
        this.probe = probe;
        this.tiers = tiers;
        this.aotCache = aotCache;
        this.training = training;
        this.log = log;
        this.onChange = onChange;
        this.backOff = new ExponentialBackOff(supervision.firstRestartDelayMillis(), 2.0);
        backOff.setMaxInterval(supervision.maxRestartDelayMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        this.thread = Thread.ofPlatform()
                .name("supervise-" + instance.name())
                .daemon()
                .unstarted(this::superviseUntilStopped);
    }

    Instance instance() {
        return instance;
    }

    void start() {
        thread.start();
    }

    private void superviseUntilStopped() {
        try {
            tiers.awaitTiersBefore(instance.tier());
            BackOffExecution delays = backOff.start();
            while (true) {
                if (instance.jar() != null && !Files.isRegularFile(instance.jar())) {
                    fail("missing " + home.root().relativize(instance.jar()) + " (build it: ./microshop up --build)");
                    return;
                }
                awaitRelease();
                Ending ending;
                Process started;
                try (Tiers.StartPermit permit = tiers.startPermit(instance)) {
                    started = launch();
                    if (started == null) {
                        return;
                    }
                    ending = superviseRun(started, permit);
                }
                if (isStopped()) {
                    return;
                }
                if (Hold.of(home, instance.name()).isPresent()) {
                    // The operator stopped it: no restart until they start it again (awaitRelease).
                    ProcessTree.stop(
                            started.toHandle(), ProcessTree.startedFor(home, instance.name()), supervision.stopGrace());
                    delays = backOff.start();
                    continue;
                }
                if (Duration.between(startedAt(), Instant.now()).compareTo(supervision.stableAfter()) >= 0) {
                    delays = backOff.start();
                }
                long delayMillis = delays.nextBackOff();
                restarting(ending, delayMillis);
                // Gone or not: its children and any process still holding its ports must go before the next run.
                ProcessTree.stop(
                        started.toHandle(), ProcessTree.startedFor(home, instance.name()), supervision.stopGrace());
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            // stop() interrupts: nothing more to do here.
        } catch (IOException | RuntimeException e) {
            fail("cannot be started: " + e.getMessage());
        }
    }

    /** While the operator holds the instance stopped (./microshop stop NAME), waits for ./microshop start NAME. */
    private void awaitRelease() throws InterruptedException {
        if (Hold.of(home, instance.name()).isEmpty()) {
            return;
        }
        synchronized (this) {
            process = null;
            status = InstanceState.Status.HELD;
            lastEvent = "stopped by the operator (./microshop start " + instance.name() + " starts it)";
        }
        log.event(instance.name(), lastEvent());
        onChange.run();
        while (Hold.of(home, instance.name()).isPresent() && !isStopped()) {
            Thread.sleep(READY_POLL);
        }
    }

    /** Starts the process, unless stop() came first (then null). */
    private Process launch() throws IOException, InterruptedException {
        // Leftovers of an earlier run (e.g. an orphaned child still holding the port) would make this one fail.
        ProcessTree.stop(null, ProcessTree.startedFor(home, instance.name()), supervision.stopGrace());
        File output = home.outputOf(instance.name()).toFile();
        Files.writeString(
                output.toPath(),
                "=== " + Instant.now() + " starting " + instance.name() + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        long offset = output.length();
        List<String> command = new ArrayList<>(instance.javaAndOptions());
        command.addAll(aotCache.program(instance, output.toPath(), training));
        Process started;
        synchronized (this) {
            if (stopped) {
                return null;
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.root().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output))
                    .redirectErrorStream(true);
            builder.environment().putAll(instance.environment());
            builder.environment().putAll(secretEnvironment);
            started = builder.start();
            process = started;
            status = InstanceState.Status.STARTING;
            startedAt = Instant.now();
            readyAt = null;
            outputOffset = offset;
            lastEvent = "started (pid " + started.pid() + ")";
        }
        log.event(instance.name(), lastEvent());
        onChange.run();
        return started;
    }

    /**
     * Waits for readiness (then leaves its place among the starting apps), then checks liveness until the process exits
     * or stops answering.
     */
    private Ending superviseRun(Process started, Tiers.StartPermit permit) throws InterruptedException {
        Duration startTimeout = training ? TRAINING_START_TIMEOUT : supervision.startTimeout();
        Instant deadline = startedAt().plus(startTimeout);
        while (!probe.answers200(instance.ready())) {
            if (started.waitFor(READY_POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Ending(exitDescription(started), false);
            }
            if (Instant.now().isAfter(deadline)) {
                String ending = "not ready after " + startTimeout.toSeconds() + " s";
                if (!instance.spec().isNative()) {
                    // A JVM prints its threads on SIGQUIT: what it waited for stays in its .out after the restart.
                    ProcessTree.signal(started.toHandle(), "QUIT");
                    started.waitFor(READY_POLL.toMillis(), TimeUnit.MILLISECONDS);
                    ending += " (its threads then: " + home.root().relativize(home.outputOf(instance.name())) + ")";
                }
                return new Ending(ending, false);
            }
        }
        permit.close();
        ready();
        int failedChecks = 0;
        while (!started.waitFor(supervision.checkEveryMillis(), TimeUnit.MILLISECONDS)) {
            Optional<Hold> hold = Hold.of(home, instance.name());
            if (hold.isPresent()) {
                // Held by the operator: a frozen process answers nothing, and a stopped one is not to be restarted.
                failedChecks = 0;
                if (hold.get() == Hold.PAUSED) {
                    paused();
                }
            } else if (probe.answers200(instance.live())) {
                resumed();
                failedChecks = 0;
            } else if (++failedChecks >= supervision.failedChecksBeforeRestart()) {
                return new Ending("liveness check failed " + failedChecks + " times in a row", true);
            } else if (!isStopped()) {
                log.event(
                        instance.name(),
                        "liveness check failed (" + failedChecks + " of " + supervision.failedChecksBeforeRestart()
                                + ")");
            }
        }
        return new Ending(exitDescription(started), true);
    }

    private String exitDescription(Process exited) {
        int code = exited.exitValue();
        String uptime = seconds(Duration.between(startedAt(), Instant.now()));
        // The JVM reports death by signal N as exit code 128 + N.
        return code > 128
                ? "killed by signal " + (code - 128) + " after " + uptime
                : "exited with code " + code + " after " + uptime;
    }

    private void ready() {
        boolean firstTime;
        if (aotCache.refusedIn(instance, home.outputOf(instance.name()), outputOffset())) {
            log.event(
                    instance.name(),
                    "the JVM refused its AOT cache (" + AotCache.REFUSED + ", see its .out): it runs without;"
                            + " the cache is deleted and the next up trains a new one");
        }
        synchronized (this) {
            firstTime = !everReady;
            everReady = true;
            status = InstanceState.Status.READY;
            readyAt = Instant.now();
            failedStarts = 0;
            lastEvent = "ready in " + seconds(Duration.between(startedAt, readyAt));
        }
        log.event(instance.name(), lastEvent());
        onChange.run();
        if (firstTime) {
            tiers.firstReady(instance);
        }
    }

    private void paused() {
        synchronized (this) {
            if (status == InstanceState.Status.PAUSED) {
                return;
            }
            status = InstanceState.Status.PAUSED;
            lastEvent = "paused by the operator (./microshop resume " + instance.name() + " resumes it)";
        }
        log.event(instance.name(), lastEvent());
        onChange.run();
    }

    private void resumed() {
        synchronized (this) {
            if (status != InstanceState.Status.PAUSED) {
                return;
            }
            status = InstanceState.Status.READY;
            lastEvent = "resumed";
        }
        log.event(instance.name(), lastEvent());
        onChange.run();
    }

    private void restarting(Ending ending, long delayMillis) {
        synchronized (this) {
            status = InstanceState.Status.RESTARTING;
            restarts++;
            if (!ending.wasReady()) {
                failedStarts++;
            }
            lastEvent = ending.reason() + "; restart #" + restarts + " in " + millis(delayMillis);
        }
        log.event(instance.name(), lastEvent());
        onChange.run();
    }

    private void fail(String reason) {
        synchronized (this) {
            status = InstanceState.Status.FAILED;
            lastEvent = reason;
        }
        log.event(instance.name(), reason);
        onChange.run();
    }

    /** Stops the process and everything it started; no restart follows. */
    void stop() {
        Process current;
        synchronized (this) {
            stopped = true;
            current = process;
        }
        thread.interrupt();
        if (current != null && Hold.of(home, instance.name()).orElse(null) == Hold.PAUSED) {
            // A frozen process would not even see SIGTERM.
            ProcessTree.signal(current.toHandle(), "CONT");
        }
        ProcessTree.stop(
                current == null ? null : current.toHandle(),
                ProcessTree.startedFor(home, instance.name()),
                training ? TRAINING_STOP_GRACE : supervision.stopGrace());
        if (training && current != null && aotCache.adoptTrained(instance, home.outputOf(instance.name()))) {
            log.event(instance.name(), "wrote its AOT cache");
        }
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            status = InstanceState.Status.STOPPED;
            lastEvent = "stopped";
        }
        log.event(instance.name(), "stopped");
        onChange.run();
    }

    synchronized InstanceState state() {
        return new InstanceState(
                instance.name(),
                instance.spec().name(),
                instance.tier(),
                process == null ? null : process.pid(),
                instance.port(),
                instance.allPorts(),
                status,
                restarts,
                failedStarts,
                instance.url(),
                startedAt,
                readyAt,
                lastEvent);
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private synchronized long outputOffset() {
        return outputOffset;
    }

    private synchronized Instant startedAt() {
        return startedAt;
    }

    private synchronized String lastEvent() {
        return lastEvent;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String millis(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
