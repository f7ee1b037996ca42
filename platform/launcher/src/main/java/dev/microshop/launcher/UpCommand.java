package dev.microshop.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * `up`: starts a detached supervisor and waits until every process is ready, or tells what is not. When a process has
 * no AOT cache for its jar yet (a new build), a training run comes first (see AotCache).
 */
final class UpCommand {

    /** The instance whose address is the shop's: the gateway serves the storefront at /. */
    private static final String STOREFRONT = "gateway";
    /** What an operator opens, by instance, in the order up prints them. */
    private static final List<Map.Entry<String, String>> OPERATIONS = List.of(
            Map.entry("admin-server", "console"),
            Map.entry("prometheus", "Prometheus"),
            Map.entry("alertmanager", "Alertmanager"));

    /** A process that failed to start this many times in a row is reported at once instead of at the timeout. */
    private static final int FAILED_STARTS_TO_REPORT = 3;

    private static final Duration POLL = Duration.ofMillis(300);
    private static final int LOG_TAIL_LINES = 15;

    private final Home home;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final SupervisorPidFile pidFile;
    private final StateFile stateFile;

    UpCommand(Home home, Map<String, String> environment, PrintStream out) {
        this.home = home;
        this.environment = environment;
        this.out = out;
        this.pidFile = new SupervisorPidFile(home);
        this.stateFile = new StateFile(home.stateFile());
    }

    int run(Options options) throws InterruptedException {
        home.createDirectories();
        Optional<ProcessHandle> running = pidFile.runningSupervisor();
        if (running.isPresent()) {
            out.println("microshop is already running (supervisor pid "
                    + running.get().pid() + ").");
            stateFile.read().ifPresent(state -> StatusTable.print(state.instances(), home, out));
            return 0;
        }
        ProcessTable table = ProcessTable.load(options.processes());
        Map<String, Integer> replicas = table.replicas(options);
        List<Instance> instances = table.instances(home, replicas, environment);
        table.notInstalled(replicas, environment)
                .forEach(missing -> out.println(
                        "Not installed, so not started: " + missing.name() + " (" + missing.install() + ")"));
        new DownCommand(home, out).stopLeftovers();
        new Secrets(home).createMissing();
        new ConsolePages(home).write();
        List<String> busy = busyPorts(instances);
        if (!busy.isEmpty()) {
            out.println(
                    "Cannot start: another program listens on " + String.join(", ", busy) + ". Find it with: ss -ltnp");
            return 1;
        }

        Instant begin = Instant.now();
        AotCache aotCache = new AotCache(home, environment, new EventLog(out));
        List<String> untrained = aotCache.missing(instances);
        if (!untrained.isEmpty()) {
            int trained = train(options, instances, untrained);
            if (trained != 0) {
                return trained;
            }
        }
        Process supervisor = startSupervisor(options);
        out.println("Starting microshop: " + instances.size() + " processes (supervisor pid " + supervisor.pid()
                + ", log " + home.root().relativize(home.launcherLog()) + ")");
        return awaitReady(supervisor, begin, options.timeout(), false);
    }

    /**
     * The training run: the system starts with the untrained processes recording what they load and run, serves
     * one order, and stops; each of those processes writes its AOT cache as it exits.
     */
    private int train(Options options, List<Instance> instances, List<String> untrained) throws InterruptedException {
        Instant begin = Instant.now();
        out.println("No AOT cache yet for " + String.join(", ", untrained)
                + " (a new build, JVM or JVM option). A training run comes first: the system starts, serves one"
                + " order and stops, and these processes write their caches as they stop. Once per build.");
        Process supervisor = startSupervisor(options.training());
        // Recording costs time: each process starts slower than without a cache.
        int ready = awaitReady(supervisor, begin, options.timeout().multipliedBy(2), true);
        if (ready != 0) {
            return ready;
        }
        instances.stream()
                .filter(instance -> instance.spec().name().equals("gateway"))
                .findFirst()
                .ifPresent(this::placeTrainingOrder);
        int down = new DownCommand(home, out).run(DownCommand.TRAINING_STOP_TIMEOUT);
        List<String> stillMissing = new AotCache(home, environment, new EventLog(out)).missing(instances);
        out.println("Training took " + SupervisedProcess.seconds(Duration.between(begin, Instant.now())) + "; "
                + (stillMissing.isEmpty()
                        ? "every AOT cache is written."
                        : "no AOT cache was written for " + String.join(", ", stillMissing)
                                + " (see their .out): they start without one."));
        return down;
    }

    private void placeTrainingOrder(Instance gateway) {
        try {
            String ending = new TrainingWorkload(URI.create("http://127.0.0.1:" + gateway.port())).placeOneOrder();
            out.println("  the training order ended " + ending);
        } catch (IOException e) {
            out.println("  the training order failed (" + e.getMessage() + "): the caches cover the start-up only");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> busyPorts(List<Instance> instances) {
        List<String> busy = new ArrayList<>();
        for (Instance instance : instances) {
            for (int port : instance.allPorts()) {
                if (HealthProbe.isListening(port)) {
                    busy.add(port + " (" + instance.name() + ")");
                }
            }
        }
        return busy;
    }

    private Process startSupervisor(Options options) {
        try {
            Files.deleteIfExists(home.stateFile());
            List<String> command = new ArrayList<>();
            // A session of its own: the supervisor outlives the terminal that ran `up`.
            setsid().ifPresent(command::add);
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(
                    "-Xmx32m",
                    "-XX:+UseSerialGC",
                    "-Xss512k",
                    "-XX:TieredStopAtLevel=1",
                    SupervisorPidFile.marker(home),
                    "-cp",
                    absoluteClassPath(),
                    Launcher.class.getName(),
                    Launcher.SUPERVISE));
            command.addAll(options.forSupervisor());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.root().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(home.launcherLog().toFile()))
                    .redirectErrorStream(true);
            builder.environment().put("MICROSHOP_HOME", home.root().toString());
            builder.environment().remove("MICROSHOP_INSTANCE");
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the supervisor: " + e.getMessage(), e);
        }
    }

    private static Optional<String> setsid() {
        return List.of("/usr/bin/setsid", "/bin/setsid").stream()
                .filter(candidate -> Files.isExecutable(Path.of(candidate)))
                .findFirst();
    }

    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private int awaitReady(Process supervisor, Instant begin, Duration timeout, boolean training)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> reportedReady = new HashSet<>();
        while (true) {
            Optional<SystemState> state = stateFile.read();
            List<InstanceState> instances = state.map(SystemState::instances).orElse(List.of());
            for (InstanceState instance : instances) {
                if (instance.state() == InstanceState.Status.READY && reportedReady.add(instance.name())) {
                    out.println("  " + instance.name() + " " + instance.lastEvent());
                }
            }
            if (state.isPresent() && state.get().allReady()) {
                if (training) {
                    out.println("  ready for training in "
                            + SupervisedProcess.seconds(Duration.between(begin, Instant.now())));
                    return 0;
                }
                String took = SupervisedProcess.seconds(Duration.between(begin, Instant.now()));
                instances.stream()
                        .filter(instance -> instance.name().equals(STOREFRONT))
                        .findFirst()
                        .ifPresent(gateway -> out.println("The shop: " + gateway.url() + "/"));
                List<String> operations = new ArrayList<>();
                OPERATIONS.forEach(operation -> instances.stream()
                        .filter(instance -> instance.name().equals(operation.getKey()))
                        .findFirst()
                        .ifPresent(instance -> operations.add(operation.getValue() + " " + instance.url())));
                if (!operations.isEmpty()) {
                    out.println("Operations: " + String.join(" · ", operations));
                }
                ProcessUsage total = StatusTable.print(instances, home, out);
                out.println("microshop is up: " + instances.size() + " processes ready in " + took + ", "
                        + total.rssMb() + " MB resident (RSS; PSS " + total.pssMb() + " MB).");
                return 0;
            }
            if (!supervisor.isAlive()) {
                out.println("The supervisor stopped unexpectedly. Last lines of "
                        + home.root().relativize(home.launcherLog()) + ":");
                printTail(home.launcherLog());
                return 1;
            }
            List<InstanceState> broken = instances.stream()
                    .filter(instance -> instance.state() == InstanceState.Status.FAILED
                            || instance.failedStarts() >= FAILED_STARTS_TO_REPORT)
                    .toList();
            if (!broken.isEmpty()) {
                return reportNotReady(broken);
            }
            if (Instant.now().isAfter(deadline)) {
                out.println("Not everything was ready after " + timeout.toSeconds() + " s"
                        + (training ? " of the training run." : "."));
                return reportNotReady(instances.stream()
                        .filter(instance -> instance.state() != InstanceState.Status.READY)
                        .toList());
            }
            Thread.sleep(POLL);
        }
    }

    private int reportNotReady(List<InstanceState> notReady) {
        for (InstanceState instance : notReady) {
            out.println(instance.name() + " is not ready: " + instance.state() + ", " + instance.lastEvent());
            if (instance.state() != InstanceState.Status.WAITING && instance.state() != InstanceState.Status.FAILED) {
                Path output = home.outputOf(instance.name());
                Path log = Files.exists(output) ? output : home.logOf(instance.name());
                out.println("--- last lines of " + home.root().relativize(log));
                printTail(log);
                out.println("---");
            }
        }
        out.println("The supervisor keeps running: see ./microshop status and ./microshop logs NAME;"
                + " ./microshop down stops everything.");
        return 1;
    }

    private void printTail(Path file) {
        LogTail.lastLines(file, LOG_TAIL_LINES).forEach(out::println);
    }
}
