package dev.microshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.PaymentEvents;
import dev.microshop.contracts.events.Topics;
import dev.microshop.payment.application.payment.ReconcileWithProvider;
import dev.microshop.payment.application.payment.ReconcileWithProvider.Difference;
import dev.microshop.testsupport.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the provider may hold money that our books do not show: each fault is made real (a database that refuses
 * the commit after the provider charged, a charge that completes after we gave up on it, a request that comes too
 * late) and every order must end up netting what its payment says, with nothing dead-lettered.
 */
class MoneyPathTest extends PaymentIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ReconcileWithProvider reconciler;

    @Autowired
    MeterRegistry meters;

    @Test
    void a_charge_whose_commit_the_database_refuses_for_20_s_is_completed_once_it_is_back_not_dead_lettered()
            throws Exception {
        String orderId = Events.newOrderId();
        ProviderAdmin.setFaults("{\"extra_latency_ms\":2000}");

        Events.paymentRequested(orderId, "user-1", "pm-ok", Instant.now().plusSeconds(120));
        holdPaymentsTableWhileItIsCharging(orderId, Duration.ofSeconds(20));

        String paymentId = Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentCompleted.TYPE)
                .get("paymentId")
                .asString();
        assertThat(paymentId).isNotBlank();
        assertThat(status(orderId)).isEqualTo("COMPLETED");
        assertThat(ProviderAdmin.succeededCharges(orderId)).isEqualTo(1);
        assertThat(ProviderAdmin.netMinor(orderId)).isEqualTo(1250);
        assertThat(Events.paymentEventTypes(orderId, Duration.ofSeconds(1))).containsExactly("payment.completed");
        assertNotDeadLettered(orderId);
    }

    @Test
    void a_charge_whose_commit_fails_until_past_the_deadline_is_found_at_the_provider_and_refunded_on_cancellation()
            throws Exception {
        String orderId = Events.newOrderId();
        ProviderAdmin.setFaults("{\"extra_latency_ms\":2000}");

        Events.paymentRequested(orderId, "user-1", "pm-ok", Instant.now().plusSeconds(5));
        holdPaymentsTableWhileItIsCharging(orderId, Duration.ofSeconds(12));
        // order-service cancels the unpaid order at its deadline; the cancellation waits behind the request.
        Events.orderCancelled(orderId, "user-1");

        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentRefunded.TYPE);
        assertThat(status(orderId)).isEqualTo("REFUNDED");
        assertThat(ProviderAdmin.succeededCharges(orderId))
                .as("asked only to look, never to charge again")
                .isEqualTo(1);
        assertThat(ProviderAdmin.netMinor(orderId)).isZero();
        assertNotDeadLettered(orderId);
    }

    @Test
    void a_charge_that_completes_after_the_time_limit_is_refunded_when_it_appears_not_voided_before() throws Exception {
        String orderId = Events.newOrderId();
        // 6.5 s against the 5 s limit: the charge is made 1.5 s after payment-service gave up on it.
        ProviderAdmin.setFaults("{\"extra_latency_ms\":6500}");
        Events.paymentRequested(orderId, "user-1", "pm-ok");
        Thread.sleep(1_000);
        ProviderAdmin.resetFaults();

        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentFailed.TYPE);
        Events.orderCancelled(orderId, "user-1");

        Events.awaitPaymentEvent(orderId, PaymentEvents.PaymentRefunded.TYPE);
        assertThat(status(orderId)).isEqualTo("REFUNDED");
        assertThat(ProviderAdmin.succeededCharges(orderId)).isEqualTo(1);
        assertThat(ProviderAdmin.netMinor(orderId)).isZero();
    }

    @Test
    void a_payment_request_that_comes_after_the_deadline_or_the_cancellation_charges_nothing() {
        String late = Events.newOrderId();
        String cancelledFirst = Events.newOrderId();

        Events.paymentRequested(late, "user-1", "pm-ok", Instant.now().minusSeconds(1));
        Events.orderCancelled(cancelledFirst, "user-1");
        Events.paymentRequested(cancelledFirst, "user-1", "pm-ok", Instant.now().plusSeconds(60));

        assertThat(Events.awaitPaymentEvent(late, PaymentEvents.PaymentFailed.TYPE)
                        .get("reason")
                        .asString())
                .contains("deadline");
        assertThat(Events.awaitPaymentEvent(cancelledFirst, PaymentEvents.PaymentFailed.TYPE))
                .isNotNull();
        assertThat(ProviderAdmin.ledger(late).get("entries")).isEmpty();
        assertThat(ProviderAdmin.ledger(cancelledFirst).get("entries")).isEmpty();
    }

    @Test
    void the_reconciler_refunds_a_charge_standing_for_a_cancelled_order_and_reports_one_it_cannot_place() {
        String cancelled = Events.newOrderId();
        Events.orderCancelled(cancelled, "user-1");
        awaitCancellationRecorded(cancelled);
        // As if a request whose answer was lost had charged it.
        ProviderAdmin.charge(cancelled);
        String strangers = "not-an-order-of-ours-" + UUID.randomUUID();
        ProviderAdmin.charge(strangers);
        double before = differences("standing_charge_of_cancelled_order");

        List<Difference> found = reconciler.reconcile();

        assertThat(found).contains(Difference.STANDING_CHARGE_OF_CANCELLED_ORDER, Difference.UNKNOWN_CHARGE);
        assertThat(ProviderAdmin.netMinor(cancelled)).isZero();
        assertThat(status(cancelled)).isEqualTo("REFUNDED");
        assertThat(ProviderAdmin.netMinor(strangers)).as("not ours to refund").isEqualTo(1250);
        assertThat(differences("standing_charge_of_cancelled_order")).isEqualTo(before + 1);
        assertThat(reconciler.reconcile()).doesNotContain(Difference.STANDING_CHARGE_OF_CANCELLED_ORDER);
    }

    /** Once the order's intent is recorded, locks its table (the outcome's commit then fails) for {@code duration}. */
    private void holdPaymentsTableWhileItIsCharging(String orderId, Duration duration) throws Exception {
        await(() -> "CHARGING".equals(status(orderId)), Duration.ofSeconds(20));
        CountDownLatch locked = new CountDownLatch(1);
        try (ExecutorService holder = Executors.newSingleThreadExecutor()) {
            Future<?> hold = holder.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("LOCK TABLE payments IN ACCESS EXCLUSIVE MODE").update();
                locked.countDown();
                sleep(duration);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            ProviderAdmin.resetFaults();
            hold.get(duration.toSeconds() + 10, TimeUnit.SECONDS);
        }
    }

    private void assertNotDeadLettered(String orderId) {
        assertThat(TestEvents.recordsWithKeyAfter(Topics.ORDER_EVENTS + ".dlt", orderId, Duration.ofSeconds(2)))
                .isEmpty();
    }

    private void awaitCancellationRecorded(String orderId) {
        await(
                () -> jdbc.sql("SELECT count(*) FROM cancelled_orders WHERE order_id = ?")
                                .param(orderId)
                                .query(Long.class)
                                .single()
                        == 1,
                Duration.ofSeconds(20));
    }

    private double differences(String kind) {
        var counter = meters.find("microshop.payments.reconciliation.differences")
                .tag("kind", kind)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private String status(String orderId) {
        return jdbc
                .sql("SELECT status FROM payments WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
