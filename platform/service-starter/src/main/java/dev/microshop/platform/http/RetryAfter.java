package dev.microshop.platform.http;

import java.time.Duration;

/** The whole seconds a {@code Retry-After} header announces for a wait, the same in the gateway and the services. */
public final class RetryAfter {

    private RetryAfter() {}

    /**
     * Rounded up, so a client that waits exactly this long finds the wait over, and at least 1, so a client is never
     * told to come back at once to a refusal.
     */
    public static long seconds(Duration wait) {
        return Math.max(1, roundedUp(wait));
    }

    /** Rounded up, possibly 0: for headers such as {@code RateLimit-Reset} that may say "now". */
    public static long roundedUp(Duration wait) {
        return wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    }
}
