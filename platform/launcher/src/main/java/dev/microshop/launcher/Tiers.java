package dev.microshop.launcher;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/** Lets a tier start only once every instance of the tiers before it has been ready once. */
final class Tiers {

    private final Map<Integer, CountDownLatch> notYetReady = new TreeMap<>();

    Tiers(List<Instance> instances) {
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

    /** Called once per instance, the first time it is ready. */
    void firstReady(Instance instance) {
        notYetReady.get(instance.tier()).countDown();
    }
}
