package dev.microshop.launcher;

import java.time.Instant;
import java.util.List;

/** What the state file says about one instance. */
public record InstanceState(
        String name,
        String process,
        int tier,
        Long pid,
        int port,
        List<Integer> ports,
        Status state,
        int restarts,
        int failedStarts,
        String url,
        Instant startedAt,
        Instant readyAt,
        String lastEvent) {

    public enum Status {
        /** Waits for the tiers before it to be ready. */
        WAITING,
        STARTING,
        READY,
        /** Exited or stopped answering; starts again after a backoff delay. */
        RESTARTING,
        /** Cannot be started at all (e.g. its jar is missing); not retried. */
        FAILED,
        /** Stopped by the operator (./microshop stop NAME): left alone until ./microshop start NAME. */
        HELD,
        /** Frozen by the operator (./microshop pause NAME): not checked until ./microshop resume NAME. */
        PAUSED,
        STOPPED
    }
}
