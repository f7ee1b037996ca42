package dev.microshop.paymentprovider.faults;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/** The current fault settings, changed at runtime through the admin API. */
public class FaultKnobs {

    private final FaultSettings initial;
    private final AtomicReference<FaultSettings> current;

    public FaultKnobs(FaultSettings initial) {
        this.initial = initial;
        this.current = new AtomicReference<>(initial);
    }

    public FaultSettings current() {
        return current.get();
    }

    public FaultSettings set(FaultSettings settings) {
        current.set(settings);
        return settings;
    }

    /** Back to the settings the provider started with. */
    public FaultSettings reset() {
        return set(initial);
    }

    /** Draws whether this call fails, at the current failure rate. */
    boolean nextCallFails() {
        double rate = current.get().failureRate();
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
