package dev.microshop.bench;

import dev.microshop.bench.RunRecord.Placement;
import dev.microshop.bench.RunRecord.Snapshot;
import dev.microshop.bench.Shop.Order;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * What the system did with a run of {@link OrdersSimulation}: per step the confirmed rate (the step's orders confirmed
 * before the next step starts, per second of the step), the POST latency, the time from placing to CONFIRMED (from
 * each order's own timestamps), orders held back (503), errors, deadline cancellations, CPU per confirmed order for
 * every process and the memory of all of them. Prints the table, writes it as markdown to
 * {@code .microshop/bench/orders-<time>.md} and ends with the one-line summary. Exits 1 if an accepted order was
 * lost or is not final once the run has drained.
 */
public final class OrdersReport {

    /** How long the report waits for every accepted order to end: the saga's deadline and then some. */
    private static final Duration FINAL_WITHIN = Duration.ofSeconds(90);

    private static final int PARALLEL_READS = 16;

    /** One measured step. */
    record Step(
            int rate,
            long accepted,
            long heldBack,
            long errors,
            double confirmedPerSecond,
            Percentiles post,
            Percentiles placeToConfirmed,
            long deadlineCancellations,
            long otherCancellations,
            Map<String, Double> cpuMillisPerOrder,
            Set<String> restarted,
            double systemCpuMillisPerOrder,
            double loadToolCpuMillisPerOrder,
            long memoryBytes) {

        boolean sustained() {
            return confirmedPerSecond >= 0.95 * rate && errors == 0 && deadlineCancellations == 0;
        }
    }

    record Percentiles(long p50, long p99) {

        static Optional<Percentiles> of(List<Long> values) {
            if (values.isEmpty()) {
                return Optional.empty();
            }
            List<Long> sorted = values.stream().sorted().toList();
            return Optional.of(new Percentiles(at(sorted, 0.50), at(sorted, 0.99)));
        }

        private static long at(List<Long> sorted, double quantile) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
        }
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        RunRecord.Written run = RunRecord.read(settings.runDirectory());
        Shop shop = new Shop(settings.gateway());
        Map<String, Optional<Order>> orders =
                finalOrders(shop, shop.accessToken(BenchAccounts.ADMIN, BenchAccounts.PASSWORD), run.placements());
        List<Step> steps = new ArrayList<>();
        for (int index = 0; index < settings.steps().size(); index++) {
            Snapshot start = run.snapshots().get(RunRecord.startOf(index));
            Snapshot end = run.snapshots().get(RunRecord.endOf(index));
            if (start == null || end == null || (run.stoppedAfterStep() >= 0 && index > run.stoppedAfterStep())) {
                break;
            }
            steps.add(step(settings, index, run, start, end, orders));
        }
        long lost = orders.values().stream().filter(Optional::isEmpty).count();
        long notFinal = orders.values().stream()
                .flatMap(Optional::stream)
                .filter(order -> !order.isFinal())
                .count();
        String table = table(steps);
        System.out.println(table);
        Path markdown = settings.home()
                .resolve(".microshop/bench")
                .resolve(
                        "orders-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.createDirectories(markdown.getParent());
        Files.writeString(markdown, "# ./microshop bench orders, " + Instant.now() + "\n\n" + table + "\n");
        System.out.printf(
                "%d orders accepted in all (warm-up included): %d lost, %d not final after %d s.%n",
                orders.size(), lost, notFinal, FINAL_WITHIN.toSeconds());
        System.out.println("Table: " + markdown + "; Gatling's report: " + settings.runDirectory());
        System.out.println(summary(steps));
        System.exit(lost == 0 && notFinal == 0 ? 0 : 1);
    }

    /** Every accepted order, read until it is final or {@link #FINAL_WITHIN} has passed; empty if the shop lost it. */
    private static Map<String, Optional<Order>> finalOrders(Shop shop, String adminToken, List<Placement> placements)
            throws InterruptedException {
        Map<String, Optional<Order>> orders = new ConcurrentHashMap<>();
        placements.stream()
                .filter(Placement::accepted)
                .forEach(placement -> orders.put(placement.orderId(), Optional.empty()));
        Instant giveUp = Instant.now().plus(FINAL_WITHIN);
        try (ExecutorService readers = Executors.newFixedThreadPool(PARALLEL_READS)) {
            while (true) {
                List<String> open = orders.entrySet().stream()
                        .filter(entry ->
                                entry.getValue().map(order -> !order.isFinal()).orElse(true))
                        .map(Map.Entry::getKey)
                        .toList();
                List<Future<?>> reads = new ArrayList<>();
                for (String id : open) {
                    reads.add(readers.submit(() -> {
                        orders.put(id, shop.order(adminToken, id));
                        return null;
                    }));
                }
                for (Future<?> read : reads) {
                    try {
                        read.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("reading an order failed", e.getCause());
                    }
                }
                boolean allFinal = orders.values().stream()
                        .allMatch(order -> order.map(Order::isFinal).orElse(false));
                if (allFinal || Instant.now().isAfter(giveUp)) {
                    return orders;
                }
                Thread.sleep(2000);
            }
        }
    }

    private static Step step(
            BenchSettings settings,
            int index,
            RunRecord.Written run,
            Snapshot start,
            Snapshot end,
            Map<String, Optional<Order>> orders) {
        Instant from = Instant.ofEpochMilli(run.startMillis()).plus(settings.stepStart(index));
        Instant until = from.plus(settings.stepDuration());
        List<Placement> placed = run.placements().stream()
                .filter(placement -> placement.step() == index)
                .toList();
        List<Order> ownOrders = placed.stream()
                .filter(Placement::accepted)
                .flatMap(placement -> orders.get(placement.orderId()).stream())
                .toList();
        long confirmedInWindow = orders.values().stream()
                .flatMap(Optional::stream)
                .filter(order -> order.status().equals("CONFIRMED"))
                .filter(order ->
                        !order.updatedAt().isBefore(from) && order.updatedAt().isBefore(until))
                .count();
        Map<String, Double> cpu = new LinkedHashMap<>();
        Set<String> restarted = new TreeSet<>();
        end.processes().cpuMillis().forEach((process, millis) -> {
            // Restarted during the step: what the old process used is gone with it, so the process is left out.
            if (Objects.equals(
                    start.processes().pids().get(process),
                    end.processes().pids().get(process))) {
                cpu.put(
                        process,
                        (millis - start.processes().cpuMillis().getOrDefault(process, 0L))
                                / (double) confirmedInWindow); // NaN: none
            } else {
                restarted.add(process);
            }
        });
        double loadTool = cpu.remove(SystemProcesses.LOAD_TOOL);
        long deadline = ownOrders.stream().filter(Order::cancelledByDeadline).count();
        // Kept up: the step's orders were confirmed by the time the next step starts.
        Instant drained = until.plus(settings.drain());
        long confirmedInTime = ownOrders.stream()
                .filter(order -> order.status().equals("CONFIRMED"))
                .filter(order -> order.updatedAt().isBefore(drained))
                .count();
        return new Step(
                settings.steps().get(index),
                ownOrders.size(),
                placed.stream().filter(Placement::heldBack).count(),
                placed.stream().filter(Placement::failed).count(),
                confirmedInTime / (double) settings.stepDuration().toSeconds(),
                Percentiles.of(placed.stream()
                                .filter(p -> p.responseMillis() >= 0)
                                .map(Placement::responseMillis)
                                .toList())
                        .orElse(new Percentiles(-1, -1)),
                Percentiles.of(ownOrders.stream()
                                .filter(order -> order.status().equals("CONFIRMED"))
                                .map(order -> Duration.between(order.placedAt(), order.updatedAt())
                                        .toMillis())
                                .toList())
                        .orElse(new Percentiles(-1, -1)),
                deadline,
                ownOrders.stream()
                                .filter(order -> order.status().equals("CANCELLED"))
                                .count()
                        - deadline,
                cpu,
                restarted,
                cpu.values().stream().mapToDouble(Double::doubleValue).sum(),
                loadTool,
                end.processes().memoryBytes());
    }

    static String table(List<Step> steps) {
        StringBuilder table = new StringBuilder();
        table.append(
                "| offered/s | confirmed/s | POST p50 ms | POST p99 ms | place->confirmed p50 ms | p99 ms | held back (503) | errors "
                        + "| deadline cancellations | other cancellations | CPU ms/order (system) | ceiling orders/s | load tool CPU ms/order "
                        + "| memory MB | sustained |\n|");
        table.append("---|".repeat(15)).append('\n');
        for (Step step : steps) {
            double perOrder = step.systemCpuMillisPerOrder() + step.loadToolCpuMillisPerOrder();
            table.append(String.format(
                    "| %d | %.1f | %s | %s | %s | %s | %d | %d | %d | %d | %s | %s | %s | %d | %s |%n",
                    step.rate(),
                    step.confirmedPerSecond(),
                    millis(step.post().p50()),
                    millis(step.post().p99()),
                    millis(step.placeToConfirmed().p50()),
                    millis(step.placeToConfirmed().p99()),
                    step.heldBack(),
                    step.errors(),
                    step.deadlineCancellations(),
                    step.otherCancellations(),
                    figure(step.systemCpuMillisPerOrder(), "%.1f"),
                    figure(Runtime.getRuntime().availableProcessors() * 1000 / perOrder, "%.0f"),
                    figure(step.loadToolCpuMillisPerOrder(), "%.1f"),
                    step.memoryBytes() / (1024 * 1024),
                    step.sustained() ? "yes" : "no"));
        }
        if (!steps.isEmpty()) {
            table.append("\nCPU ms per confirmed order, by process:\n\n| process |");
            steps.forEach(step -> table.append(' ').append(step.rate()).append("/s |"));
            table.append("\n|---|").append("---|".repeat(steps.size())).append('\n');
            Map<String, Double> first = steps.getFirst().cpuMillisPerOrder();
            List<String> processes = steps.stream()
                    .flatMap(step ->
                            Stream.concat(step.cpuMillisPerOrder().keySet().stream(), step.restarted().stream()))
                    .distinct()
                    .sorted(Comparator.comparing(
                            (String process) -> first.getOrDefault(process, 0.0), Comparator.reverseOrder()))
                    .toList();
            boolean anyRestarted = false;
            for (String process : processes) {
                table.append("| ").append(process).append(" |");
                for (Step step : steps) {
                    boolean restarted = step.restarted().contains(process);
                    anyRestarted |= restarted;
                    table.append(' ')
                            .append(
                                    restarted
                                            ? "restarted"
                                            : figure(step.cpuMillisPerOrder().getOrDefault(process, 0.0), "%.2f"))
                            .append(" |");
                }
                table.append('\n');
            }
            if (anyRestarted) {
                table.append("\nrestarted: the supervisor restarted the process during the step; its CPU is left out of"
                        + " the step's total.\n");
            }
        }
        return table.toString();
    }

    /** A per-order figure, or "-" for a step that confirmed no order. */
    private static String figure(double value, String format) {
        return Double.isFinite(value) ? String.format(format, value) : "-";
    }

    private static String millis(long value) {
        return value < 0 ? "-" : String.valueOf(value);
    }

    /** The last line: the best sustained step, the latency at 100/s, the CPU per order, and what went wrong. */
    static String summary(List<Step> steps) {
        Optional<Step> best =
                steps.stream().filter(Step::sustained).max(Comparator.comparingDouble(Step::confirmedPerSecond));
        String p99At100 = steps.stream()
                .filter(step -> step.rate() == 100)
                .findFirst()
                .map(step -> millis(step.placeToConfirmed().p99()))
                .orElse("-");
        double cpu = best.or(() -> steps.stream().findFirst())
                .map(Step::systemCpuMillisPerOrder)
                .orElse(Double.NaN);
        return String.format(
                "orders: best sustained %d/s (offered %d/s), place->confirmed p99 %s ms at 100/s, "
                        + "%s ms CPU per order, %d errors, %d deadline cancellations",
                best.map(step -> Math.round(step.confirmedPerSecond())).orElse(0L),
                best.map(Step::rate).orElse(0),
                p99At100,
                figure(cpu, "%.1f"),
                steps.stream().mapToLong(Step::errors).sum(),
                steps.stream().mapToLong(Step::deadlineCancellations).sum());
    }
}
