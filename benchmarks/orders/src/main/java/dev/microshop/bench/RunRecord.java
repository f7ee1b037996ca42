package dev.microshop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a run did, as it happens: every placement, a sample of the system at the start and end of every step, and
 * whether a step failed clearly enough to stop placing orders. {@link #finish} writes it to the run directory as
 * JSON, the input of {@link OrdersReport}.
 */
final class RunRecord {

    static final int WARM_UP = -1;
    static final String FILE = "run.json";

    /** One POST /api/orders: its HTTP status (0 if none came), response time (-1 if none) and the order id if accepted. */
    record Placement(int step, long atMillis, int status, long responseMillis, String orderId) {

        boolean accepted() {
            return status == 201;
        }

        boolean heldBack() {
            return status == HELD_BACK;
        }

        boolean failed() {
            return !accepted() && !heldBack();
        }
    }

    /** The answer while the system sheds load: 503 with Retry-After, nothing stored. */
    static final int HELD_BACK = 503;

    /** The system at one moment: every process's CPU time and memory, and order-service's counts. */
    record Snapshot(SystemProcesses.Sample processes, OrderCounters.Totals orders) {}

    /** What {@link #finish} writes. */
    record Written(
            long startMillis, int stoppedAfterStep, Map<String, Snapshot> snapshots, List<Placement> placements) {}

    private final BenchSettings settings;
    private final SystemProcesses processes;
    private final OrderCounters counters;
    private final Queue<Placement> placements = new ConcurrentLinkedQueue<>();
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private volatile int stoppedAfterStep = -1;
    private long startMillis;

    RunRecord(BenchSettings settings, SystemProcesses processes, OrderCounters counters) {
        this.settings = settings;
        this.processes = processes;
        this.counters = counters;
    }

    static String startOf(int step) {
        return "start " + step;
    }

    static String endOf(int step) {
        return "end " + step;
    }

    static String drainedOf(int step) {
        return "drained " + step;
    }

    boolean stopped() {
        return stoppedAfterStep >= 0;
    }

    void placed(int step, int status, long responseMillis, String orderId) {
        placements.add(new Placement(step, System.currentTimeMillis(), status, responseMillis, orderId));
    }

    /** Schedules the samples, relative to now: the moment Gatling starts injecting. */
    void start() {
        startMillis = System.currentTimeMillis();
        for (int step = 0; step < settings.steps().size(); step++) {
            Duration start = settings.stepStart(step);
            Duration end = start.plus(settings.stepDuration());
            at(start, startOf(step));
            at(end, endOf(step));
            int judged = step;
            // Just before the next step starts (or the run ends): by then this step's orders should have ended.
            clock.schedule(() -> judge(judged), end.plus(settings.drain()).toMillis() - 200, TimeUnit.MILLISECONDS);
        }
    }

    void finish() {
        clock.shutdownNow();
        // The last step's end can come a moment after Gatling's last arrival.
        for (int step = 0; step < settings.steps().size(); step++) {
            if (snapshots.containsKey(startOf(step)) && !snapshots.containsKey(endOf(step)) && !stopped()) {
                snapshot(endOf(step));
            }
        }
        List<Placement> written = new ArrayList<>(placements);
        try {
            Files.createDirectories(settings.runDirectory());
            Shop.JSON.writeValue(
                    settings.runDirectory().resolve(FILE).toFile(),
                    new Written(startMillis, stoppedAfterStep, Map.copyOf(snapshots), written));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Written read(Path runDirectory) throws IOException {
        return Shop.JSON.readValue(runDirectory.resolve(FILE).toFile(), Written.class);
    }

    private void at(Duration offset, String name) {
        clock.schedule(() -> snapshot(name), offset.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Snapshot snapshot(String name) {
        try {
            Snapshot snapshot = new Snapshot(processes.sample(), counters.read());
            snapshots.put(name, snapshot);
            return snapshot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the later steps after a step with an error, a cancellation, over 5 % of its orders held back, or under 90 %
     * of its orders confirmed.
     */
    private void judge(int step) {
        if (stopped()) {
            return;
        }
        Snapshot start = snapshots.get(startOf(step));
        OrderCounters.Totals ended = snapshot(drainedOf(step)).orders().minus(start.orders());
        long accepted = placements.stream()
                .filter(placement -> placement.step() == step && placement.accepted())
                .count();
        boolean errors = placements.stream().anyMatch(placement -> placement.step() == step && placement.failed());
        long heldBack = placements.stream()
                .filter(placement -> placement.step() == step && placement.heldBack())
                .count();
        if (errors
                || ended.cancelled() > 0
                || heldBack > 0.05 * (accepted + heldBack)
                || ended.confirmed() < 0.9 * accepted) {
            stoppedAfterStep = step;
            System.out.printf(
                    "Step %d (%d orders/s) failed (%d accepted, %d held back, %.0f confirmed, %.0f cancelled, errors: %s): "
                            + "the run ends here.%n",
                    step + 1,
                    settings.steps().get(step),
                    accepted,
                    heldBack,
                    ended.confirmed(),
                    ended.cancelled(),
                    errors);
        }
    }
}
