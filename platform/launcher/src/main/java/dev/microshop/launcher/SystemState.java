package dev.microshop.launcher;

import java.time.Instant;
import java.util.List;

/** The content of .microshop/run/state.json, written by the supervisor and read by status, up and down. */
public record SystemState(long supervisorPid, Instant startedAt, Instant updatedAt, List<InstanceState> instances) {

    public SystemState {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }

    boolean allReady() {
        return !instances.isEmpty()
                && instances.stream().allMatch(instance -> instance.state() == InstanceState.Status.READY);
    }
}
