package dev.microshop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.bench.OrdersReport.Percentiles;
import dev.microshop.bench.OrdersReport.Step;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrdersReportTest {

    @Test
    void the_summary_names_the_best_step_that_kept_up_without_errors_or_deadline_cancellations() {
        List<Step> steps = List.of(
                step(25, 25.0, 0, 0, 300, 6.0),
                step(50, 49.0, 0, 0, 400, 5.5),
                step(100, 99.0, 2, 0, 450, 5.0),
                step(200, 150.0, 0, 0, 9000, 4.0));

        assertThat(OrdersReport.summary(steps))
                .isEqualTo("orders: best sustained 49/s (offered 50/s), place->confirmed "
                        + "p99 450 ms at 100/s, 5.5 ms CPU per order, 2 errors, 0 deadline cancellations");
    }

    @Test
    void a_step_with_a_deadline_cancellation_is_not_sustained_however_fast_it_was() {
        List<Step> steps = List.of(step(25, 25.0, 0, 1, 29000, 7.0));

        assertThat(OrdersReport.summary(steps))
                .isEqualTo("orders: best sustained 0/s (offered 0/s), place->confirmed "
                        + "p99 - ms at 100/s, 7.0 ms CPU per order, 0 errors, 1 deadline cancellations");
    }

    @Test
    void a_process_restarted_during_a_step_shows_as_restarted_and_adds_nothing() {
        Step first = step(10, Map.of("zipkin", 2.0, "order-service", 7.0), Set.of());
        Step during = step(20, Map.of("order-service", 6.0), Set.of("zipkin"));
        Step after = step(30, Map.of("zipkin", 1.0, "order-service", 5.0), Set.of());

        String table = OrdersReport.table(List.of(first, during, after));

        assertThat(table)
                .contains("| zipkin | 2.00 | restarted | 1.00 |", "| order-service | 7.00 | 6.00 | 5.00 |")
                .contains("its CPU is left out of the step's total");
        assertThat(OrdersReport.table(List.of(during)))
                .as("restarted in the only step")
                .contains("| zipkin | restarted |");
        assertThat(OrdersReport.table(List.of(first))).doesNotContain("restarted");
    }

    @Test
    void percentiles_are_values_that_were_measured() {
        assertThat(Percentiles.of(List.of(5L, 1L, 3L, 2L, 4L))).contains(new Percentiles(3, 5));
        assertThat(Percentiles.of(List.of())).isEmpty();
    }

    private static Step step(int rate, Map<String, Double> cpu, Set<String> restarted) {
        double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Step(
                rate,
                rate * 60L,
                0,
                0,
                rate,
                new Percentiles(40, 90),
                new Percentiles(150, 300),
                0,
                0,
                cpu,
                restarted,
                total,
                1.0,
                3L << 30);
    }

    private static Step step(int rate, double confirmed, long errors, long deadline, long p99, double cpu) {
        return new Step(
                rate,
                (long) (rate * 60),
                0,
                errors,
                confirmed,
                new Percentiles(40, 90),
                new Percentiles(p99 / 2, p99),
                deadline,
                0,
                Map.of("order-service", cpu),
                Set.of(),
                cpu,
                1.0,
                3L << 30);
    }
}
