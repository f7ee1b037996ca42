package dev.microshop.launcher;

import java.time.Duration;

/**
 * How the supervisor watches processes: check cadence, restart backoff, stop grace, and how many Spring apps may be
 * starting at once (0: no bound).
 */
public record Supervision(
        long checkEveryMillis,
        long checkTimeoutMillis,
        int failedChecksBeforeRestart,
        long firstRestartDelayMillis,
        long maxRestartDelayMillis,
        long stableAfterMillis,
        long startTimeoutMillis,
        long stopGraceMillis,
        int springStartsAtOnce) {

    Duration checkTimeout() {
        return Duration.ofMillis(checkTimeoutMillis);
    }

    /** A process that stayed up this long starts again from the first restart delay. */
    Duration stableAfter() {
        return Duration.ofMillis(stableAfterMillis);
    }

    Duration startTimeout() {
        return Duration.ofMillis(startTimeoutMillis);
    }

    Duration stopGrace() {
        return Duration.ofMillis(stopGraceMillis);
    }
}
