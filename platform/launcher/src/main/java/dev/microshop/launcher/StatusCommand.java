package dev.microshop.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * `status`: the table from the state file, and whether the supervisor is alive; `status --json` says the same as one
 * JSON document ({@link StatusReport}). Exit 0 when the supervisor is alive, 3 when not.
 */
final class StatusCommand {

    static final int NOT_RUNNING = 3;

    private final Home home;
    private final PrintStream out;

    StatusCommand(Home home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    int run(boolean json) throws InterruptedException {
        Optional<ProcessHandle> supervisor = new SupervisorPidFile(home).runningSupervisor();
        Optional<SystemState> state = new StateFile(home.stateFile()).read();
        if (supervisor.isPresent()) {
            if (json) {
                out.println(StatusReport.running(supervisor.get().pid(), state, Instant.now(), home)
                        .toJson());
                return 0;
            }
            String uptime = state.map(s -> " for " + minutesAndSeconds(Duration.between(s.startedAt(), Instant.now())))
                    .orElse("");
            out.println(
                    "microshop is running (supervisor pid " + supervisor.get().pid() + uptime + ").");
            if (state.isPresent()) {
                StatusTable.print(state.get().instances(), home, out);
                Optional<String> kafka = KafkaNodes.bootstrapServers(state.get().instances());
                if (kafka.isPresent()) {
                    KafkaNodes.printLeaders(kafka.get(), out);
                }
            }
            return 0;
        }
        List<InstanceState> unsupervised = state.map(SystemState::instances).orElse(List.of()).stream()
                .filter(instance ->
                        instance.pid() != null && ProcessTree.isInstance(instance.pid(), home, instance.name()))
                .toList();
        if (json) {
            out.println(StatusReport.notRunning(unsupervised, home).toJson());
        } else if (unsupervised.isEmpty()) {
            out.println("microshop is not running.");
        } else {
            out.println("microshop's supervisor is not running, but these processes still are:");
            StatusTable.print(unsupervised, home, out);
            out.println("Stop them with ./microshop down.");
        }
        return NOT_RUNNING;
    }

    private static String minutesAndSeconds(Duration duration) {
        return duration.toMinutes() > 0
                ? duration.toMinutes() + " min " + duration.toSecondsPart() + " s"
                : duration.toSeconds() + " s";
    }
}
