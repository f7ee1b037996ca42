package dev.microshop.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code status --json}: what the status table says, as one JSON document for scripts. Every field is always there,
 * {@code null} when unknown, so a script can rely on the shape.
 *
 * @param running        whether the supervisor is alive
 * @param supervisorPid  the supervisor's pid, {@code null} when it is not running
 * @param startedAt      when the supervisor started the system, {@code null} when it is not running
 * @param uptimeSeconds  how long the system has been up, {@code null} when it is not running
 * @param processes      the supervised instances; when the supervisor is not running, those still alive
 */
record StatusReport(
        boolean running, Long supervisorPid, Instant startedAt, Long uptimeSeconds, List<ProcessStatus> processes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One instance: a row of the table, with its last event, when it started and became ready, and what it costs
     * now (see ProcessUsage; 0 when it is not running).
     */
    record ProcessStatus(
            String name,
            Long pid,
            List<Integer> ports,
            InstanceState.Status state,
            int restarts,
            String url,
            Instant startedAt,
            Instant readyAt,
            String lastEvent,
            long rssMb,
            long pssMb,
            double cpuSeconds) {

        static ProcessStatus of(InstanceState instance, Home home) {
            ProcessUsage usage = StatusTable.usageOf(instance, home);
            return new ProcessStatus(
                    instance.name(),
                    instance.pid(),
                    instance.ports(),
                    instance.state(),
                    instance.restarts(),
                    instance.url(),
                    instance.startedAt(),
                    instance.readyAt(),
                    instance.lastEvent(),
                    usage.rssMb(),
                    usage.pssMb(),
                    usage.cpuSeconds());
        }
    }

    static StatusReport running(long supervisorPid, Optional<SystemState> state, Instant now, Home home) {
        return new StatusReport(
                true,
                supervisorPid,
                state.map(SystemState::startedAt).orElse(null),
                state.map(s -> Duration.between(s.startedAt(), now).toSeconds()).orElse(null),
                processes(state.map(SystemState::instances).orElse(List.of()), home));
    }

    static StatusReport notRunning(List<InstanceState> stillAlive, Home home) {
        return new StatusReport(false, null, null, null, processes(stillAlive, home));
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    private static List<ProcessStatus> processes(List<InstanceState> instances, Home home) {
        return instances.stream()
                .map(instance -> ProcessStatus.of(instance, home))
                .toList();
    }
}
