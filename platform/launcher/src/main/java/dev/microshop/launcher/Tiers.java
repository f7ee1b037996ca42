package dev.microshop.launcher;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a tier start only once every instance of the tiers before it has been ready once, and bounds how many Spring
 * apps start at once: a dozen JVMs starting together on two cores each take so long that they all miss their start
 * timeout, while a few at a time are each ready soon.
 */
final class Tiers {

    private final Map<Integer, CountDownLatch> notYetReady = new TreeMap<>();
    private final Semaphore springStarts;

    /** Leaves its place to the next starting app once closed (ready, or not ready and gone); closing twice is fine. */
    interface StartPermit extends AutoCloseable {
        @Override
        void close();
    }

    Tiers(List<Instance> instances, int springStartsAtOnce) {
        springStarts = springStartsAtOnce > 0 ? new Semaphore(springStartsAtOnce, true) : null;
        Map<Integer, Integer> sizes = new TreeMap<>();
        instances.forEach(instance -> sizes.merge(instance.tier(), 1, Integer::sum));
        sizes.forEach((tier, size) -> notYetReady.put(tier, new CountDownLatch(size)));
    }

    void awaitTiersBefore(int tier) throws InterruptedException {
        for (Map.Entry<Integer, CountDownLatch> entry : notYetReady.entrySet()) {
            if (entry.getKey() < tier) {
                entry.getValue().await();
            }
        }
    }

    /** Waits for a place among the starting Spring apps; other processes start at once. */
    StartPermit startPermit(Instance instance) throws InterruptedException {
        if (springStarts == null || instance.spec().kind() != ProcessSpec.Kind.SPRING) {
            return () -> {};
        }
        springStarts.acquire();
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.getAndSet(false)) {
                springStarts.release();
            }
        };
    }

    /** Called once per instance, the first time it is ready. */
    void firstReady(Instance instance) {
        notYetReady.get(instance.tier()).countDown();
    }
}
