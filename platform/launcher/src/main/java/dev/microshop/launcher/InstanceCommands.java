package dev.microshop.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The operator's commands on one instance NAME, or on every instance of the process NAME, one after the other (so
 * replicas keep serving):
 * <ul>
 *   <li>{@code restart}: stops it and waits until the supervisor has started it again, with the jar as it is now
 *       (./microshop restart rebuilds it first when its sources changed), and it is ready;
 *   <li>{@code stop} and {@code start}: stops it, and the supervisor leaves it stopped (a fault to watch: an alert, an
 *       eviction) until {@code start};
 *   <li>{@code pause} and {@code resume}: freezes it and its children (SIGSTOP: a hung process, which does not exit
 *       and answers nothing), and the supervisor does not restart it, until {@code resume} (SIGCONT).
 * </ul>
 */
final class InstanceCommands {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration HOLD_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Home home;
    private final PrintStream out;
    private final StateFile stateFile;

    InstanceCommands(Home home, PrintStream out) {
        this.home = home;
        this.out = out;
        this.stateFile = new StateFile(home.stateFile());
    }

    int run(String command, List<String> arguments) throws InterruptedException {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException(
                    "usage: " + command + " NAME (an instance, or a process and all its replicas)");
        }
        String name = arguments.get(0);
        if (new SupervisorPidFile(home).runningSupervisor().isEmpty()) {
            out.println("microshop is not running: ./microshop up starts it.");
            return 1;
        }
        List<InstanceState> targets = instances().stream()
                .filter(instance ->
                        instance.name().equals(name) || instance.process().equals(name))
                .toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no process or instance '" + name + "'; there are: "
                    + String.join(
                            ", ", instances().stream().map(InstanceState::name).toList()));
        }
        for (InstanceState target : targets) {
            int result = switch (command) {
                case "restart" -> restart(target);
                case "stop" -> stop(target);
                case "start" -> start(target);
                case "pause" -> pause(target);
                case "resume" -> resume(target);
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private int restart(InstanceState target) throws InterruptedException {
        if (Hold.of(home, target.name()).isPresent()) {
            out.println(target.name() + " is held by the operator (" + target.state() + "): ./microshop "
                    + (target.state() == InstanceState.Status.PAUSED ? "resume " : "start ") + target.name());
            return 1;
        }
        Instant begin = Instant.now();
        Long oldPid = target.pid();
        if (isRunning(target)) {
            out.println("Restarting " + target.name() + " (pid " + oldPid + ")...");
            ProcessTree.stop(ProcessHandle.of(oldPid).orElse(null), List.of(), STOP_GRACE);
        } else {
            out.println(target.name() + " is not running (" + target.state()
                    + "); waiting for the supervisor to start it...");
        }
        return awaitReadyAgain(target, oldPid, begin);
    }

    private int stop(InstanceState target) throws InterruptedException {
        if (target.state() == InstanceState.Status.HELD) {
            out.println(target.name() + " is already stopped.");
            return 0;
        }
        Instant begin = Instant.now();
        boolean wasPaused = Hold.of(home, target.name()).orElse(null) == Hold.PAUSED;
        Hold.STOPPED.place(home, target.name());
        if (isRunning(target)) {
            ProcessHandle process = ProcessHandle.of(target.pid()).orElseThrow();
            if (wasPaused) {
                ProcessTree.signal(process, "CONT");
            }
            ProcessTree.stop(process, ProcessTree.startedFor(home, target.name()), STOP_GRACE);
        }
        return awaitState(target, state -> state.state() == InstanceState.Status.HELD, begin, HOLD_TIMEOUT)
                .map(state -> {
                    out.println(target.name() + " stopped in " + took(begin)
                            + "; the supervisor leaves it alone until ./microshop start " + target.name() + ".");
                    return 0;
                })
                .orElse(1);
    }

    private int start(InstanceState target) throws InterruptedException {
        if (Hold.of(home, target.name()).orElse(null) != Hold.STOPPED) {
            out.println(target.name() + " was not stopped with ./microshop stop (it is " + target.state() + ").");
            return 1;
        }
        Instant begin = Instant.now();
        Hold.release(home, target.name());
        out.println("Starting " + target.name() + "...");
        return awaitReadyAgain(target, target.pid(), begin);
    }

    private int pause(InstanceState target) throws InterruptedException {
        if (!isRunning(target) || Hold.of(home, target.name()).isPresent()) {
            out.println(target.name() + " is not running, or already held (" + target.state() + ").");
            return 1;
        }
        Instant begin = Instant.now();
        Hold.PAUSED.place(home, target.name());
        ProcessTree.signal(ProcessHandle.of(target.pid()).orElseThrow(), "STOP");
        return awaitState(target, state -> state.state() == InstanceState.Status.PAUSED, begin, HOLD_TIMEOUT)
                .map(state -> {
                    out.println(target.name() + " (pid " + target.pid() + ") is paused: it answers nothing until"
                            + " ./microshop resume " + target.name() + ".");
                    return 0;
                })
                .orElse(1);
    }

    private int resume(InstanceState target) throws InterruptedException {
        if (Hold.of(home, target.name()).orElse(null) != Hold.PAUSED || !isRunning(target)) {
            out.println(target.name() + " was not paused with ./microshop pause (it is " + target.state() + ").");
            return 1;
        }
        Instant begin = Instant.now();
        ProcessTree.signal(ProcessHandle.of(target.pid()).orElseThrow(), "CONT");
        Hold.release(home, target.name());
        return awaitState(target, state -> state.state() == InstanceState.Status.READY, begin, HOLD_TIMEOUT)
                .map(state -> {
                    out.println(target.name() + " is resumed and answers its liveness check again, after " + took(begin)
                            + ".");
                    return 0;
                })
                .orElse(1);
    }

    private boolean isRunning(InstanceState target) {
        return target.pid() != null && ProcessTree.isInstance(target.pid(), home, target.name());
    }

    private int awaitReadyAgain(InstanceState target, Long oldPid, Instant begin) throws InterruptedException {
        return awaitState(
                        target,
                        state -> state.state() == InstanceState.Status.READY
                                && state.pid() != null
                                && !state.pid().equals(oldPid),
                        begin,
                        READY_TIMEOUT)
                .map(state -> {
                    out.println(target.name() + " is ready again (pid " + state.pid() + ") after " + took(begin) + ".");
                    return 0;
                })
                .orElse(1);
    }

    /** The instance's state once it matches; empty (and said why) when it failed or did not match in time. */
    private Optional<InstanceState> awaitState(
            InstanceState target, Predicate<InstanceState> expected, Instant begin, Duration timeout)
            throws InterruptedException {
        Instant deadline = begin.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<InstanceState> now = instances().stream()
                    .filter(instance -> instance.name().equals(target.name()))
                    .findFirst();
            if (now.isPresent() && expected.test(now.get())) {
                return now;
            }
            if (now.isPresent() && now.get().state() == InstanceState.Status.FAILED) {
                out.println(target.name() + " cannot be started: " + now.get().lastEvent());
                return Optional.empty();
            }
            Thread.sleep(POLL);
        }
        out.println(target.name() + " did not get there within " + timeout.toSeconds()
                + " s: see ./microshop status and ./microshop logs " + target.name());
        return Optional.empty();
    }

    private static String took(Instant begin) {
        return SupervisedProcess.seconds(Duration.between(begin, Instant.now()));
    }

    private List<InstanceState> instances() {
        return stateFile.read().map(SystemState::instances).orElse(List.of());
    }
}
