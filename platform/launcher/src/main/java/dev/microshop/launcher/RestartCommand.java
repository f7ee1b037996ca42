package dev.microshop.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * `restart NAME`: stops the instance NAME (or every instance of the process NAME, one after the other, so that
 * replicas keep serving) and waits until the supervisor has started it again and it is ready. The supervisor
 * restarts it as it restarts any process that exits, with the jar as it is now (./microshop restart rebuilds it
 * first when its sources changed).
 */
final class RestartCommand {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Home home;
    private final PrintStream out;
    private final StateFile stateFile;

    RestartCommand(Home home, PrintStream out) {
        this.home = home;
        this.out = out;
        this.stateFile = new StateFile(home.stateFile());
    }

    int run(List<String> arguments) throws InterruptedException {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException("usage: restart NAME (an instance, or a process and all its replicas)");
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
            int restarted = restart(target);
            if (restarted != 0) {
                return restarted;
            }
        }
        return 0;
    }

    private int restart(InstanceState target) throws InterruptedException {
        Instant begin = Instant.now();
        Long oldPid = target.pid();
        if (oldPid != null && ProcessTree.isInstance(oldPid, home, target.name())) {
            out.println("Restarting " + target.name() + " (pid " + oldPid + ")...");
            ProcessTree.stop(ProcessHandle.of(oldPid).orElse(null), List.of(), STOP_GRACE);
        } else {
            out.println(target.name() + " is not running (" + target.state()
                    + "); waiting for the supervisor to start it...");
        }
        Instant deadline = begin.plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<InstanceState> now = instances().stream()
                    .filter(instance -> instance.name().equals(target.name()))
                    .findFirst();
            if (now.isPresent()
                    && now.get().state() == InstanceState.Status.READY
                    && now.get().pid() != null
                    && !now.get().pid().equals(oldPid)) {
                out.println(target.name() + " is ready again (pid " + now.get().pid() + ") after "
                        + SupervisedProcess.seconds(Duration.between(begin, Instant.now())) + ".");
                return 0;
            }
            if (now.isPresent() && now.get().state() == InstanceState.Status.FAILED) {
                out.println(target.name() + " cannot be started: " + now.get().lastEvent());
                return 1;
            }
            Thread.sleep(POLL);
        }
        out.println(target.name() + " was not ready again within " + READY_TIMEOUT.toSeconds()
                + " s: see ./microshop status and ./microshop logs " + target.name());
        return 1;
    }

    private List<InstanceState> instances() {
        return stateFile.read().map(SystemState::instances).orElse(List.of());
    }
}
