package dev.microshop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.bench.OrdersReport.Percentiles;
import dev.microshop.bench.OrdersReport.Step;
import java.util.List;
import java.util.Map;
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
    void percentiles_are_values_that_were_measured() {
        assertThat(Percentiles.of(List.of(5L, 1L, 3L, 2L, 4L))).contains(new Percentiles(3, 5));
        assertThat(Percentiles.of(List.of())).isEmpty();
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
                cpu,
                1.0,
                3L << 30);
    }
}
