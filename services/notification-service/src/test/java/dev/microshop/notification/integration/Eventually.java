package dev.microshop.notification.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for what an asynchronous consumer does. */
final class Eventually {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {}

    /** Asks {@code probe} until its answer satisfies {@code done}, and returns that answer. */
    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T answer = probe.get();
        while (!done.test(answer)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what + "; last saw " + answer);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            answer = probe.get();
        }
        return answer;
    }
}
