package dev.microshop.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one run of the orders bench does, from the {@code bench.*} system properties that benchmarks/orders.sh sets.
 * Steps follow each other: {@code warmup} at the first step's rate, then each rate for {@code stepDuration}, with
 * {@code drain} between two steps so that the orders of one step end before the next one starts.
 */
record BenchSettings(
        URI gateway,
        List<URI> orderMetrics,
        Path home,
        Path runDirectory,
        List<Integer> steps,
        Duration stepDuration,
        Duration warmup,
        Duration drain,
        int shoppers) {

    BenchSettings {
        if (steps.isEmpty() || steps.stream().anyMatch(rate -> rate < 1)) {
            throw new IllegalArgumentException("bench.steps must list rates of at least 1 order/s, e.g. 25,50,100");
        }
        if (shoppers < 1) {
            throw new IllegalArgumentException("bench.shoppers must be at least 1");
        }
    }

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                URI.create(property("bench.gateway")),
                Arrays.stream(property("bench.order-metrics").split(","))
                        .map(String::strip)
                        .map(URI::create)
                        .toList(),
                Path.of(property("bench.home")),
                Path.of(property("bench.run-directory")),
                Arrays.stream(property("bench.steps").split(","))
                        .map(String::strip)
                        .map(Integer::valueOf)
                        .toList(),
                Duration.ofSeconds(Long.parseLong(property("bench.step-seconds"))),
                Duration.ofSeconds(Long.parseLong(property("bench.warmup-seconds"))),
                Duration.ofSeconds(Long.parseLong(property("bench.drain-seconds"))),
                Integer.parseInt(property("bench.shoppers")));
    }

    /** When step {@code index} starts offering orders, counted from the start of the run. */
    Duration stepStart(int index) {
        return warmup.plus(stepDuration.plus(drain).multipliedBy(index));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + name + " is not set: run the bench through ./microshop bench orders");
        }
        return value;
    }
}
