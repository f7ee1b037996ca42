package dev.microshop.launcher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs every instance of the system under supervision, tier by tier, and keeps the state file current. */
final class Supervisor {

    private final List<SupervisedProcess> processes = new ArrayList<>();
    private final StateFile stateFile;
    private final EventLog log;
    private final Instant startedAt = Instant.now();
    private boolean stopped;

    Supervisor(
            Home home,
            Supervision supervision,
            List<Instance> instances,
            Map<String, String> environment,
            Secrets secrets,
            boolean training,
            EventLog log) {
        this.stateFile = new StateFile(home.stateFile());
        this.log = log;
        HealthProbe probe = new HealthProbe(supervision.checkTimeout());
        Tiers tiers = new Tiers(instances, supervision.springStartsAtOnce());
        AotCache aotCache = new AotCache(home, environment, log);
        Map<String, String> secretEnvironment = secrets.environment();
        for (Instance instance : instances) {
            processes.add(new SupervisedProcess(
                    instance,
                    secretEnvironment,
                    home,
                    supervision,
                    probe,
                    tiers,
                    aotCache,
                    training,
                    log,
                    this::writeState));
        }
    }

    void start() {
        log.event(
                "supervisor",
                "starting " + processes.size() + " processes (pid "
                        + ProcessHandle.current().pid() + ")");
        writeState();
        processes.forEach(SupervisedProcess::start);
    }

    /**
     * Stops every Spring app at once, then the servers (Kafka, PostgreSQL, Zipkin, and what the table marks
     * stopsLast: the discovery server) whose clients would otherwise stall their shutdown. Nothing else depends on
     * an order. Each group stops in parallel.
     */
    void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        log.event("supervisor", "stopping");
        stopTogether(processes.stream()
                .filter(process -> !process.instance().spec().stopsWithServers())
                .toList());
        stopTogether(processes.stream()
                .filter(process -> process.instance().spec().stopsWithServers())
                .toList());
        log.event("supervisor", "stopped everything");
    }

    private static void stopTogether(List<SupervisedProcess> tier) {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            tier.forEach(process -> stopping.submit(process::stop));
        }
    }

    SystemState state() {
        return new SystemState(
                ProcessHandle.current().pid(),
                startedAt,
                Instant.now(),
                processes.stream().map(SupervisedProcess::state).toList());
    }

    private synchronized void writeState() {
        stateFile.write(state());
    }
}
