package dev.microshop.paymentprovider.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The provider's rules: idempotency keys, test payment methods, refunds, and a ledger that survives a restart. */
class PaymentsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final Ledger ledger = new Ledger(LedgerFile.none(JSON));
    private final Payments payments = new Payments(ledger, Clock.systemUTC(), Duration.ofMillis(300));

    @Test
    void the_same_key_and_request_give_the_same_charge_and_charge_once() {
        Payments.Outcome<Charge> first = payments.charge("order-1", charge(1250, "pm-ok", "order-1"));
        Payments.Outcome<Charge> again = payments.charge("order-1", charge(1250, "pm-ok", "order-1"));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.resource()).isEqualTo(first.resource());
        assertThat(ledger.chargesWithReference("order-1")).hasSize(1);
    }

    @Test
    void the_same_key_with_another_request_is_refused_with_422() {
        payments.charge("order-2", charge(1250, "pm-ok", "order-2"));

        assertThatThrownBy(() -> payments.charge("order-2", charge(999, "pm-ok", "order-2")))
                .isInstanceOfSatisfying(ProviderException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.code()).isEqualTo("idempotency_key_reused");
                });
        assertThat(ledger.chargesWithReference("order-2")).hasSize(1);
    }

    @Test
    void a_key_whose_first_request_is_still_running_is_refused_with_409() throws Exception {
        CompletableFuture<Payments.Outcome<Charge>> slow =
                CompletableFuture.supplyAsync(() -> payments.charge("order-3", charge(100, "pm-slow", "order-3")));
        Thread.sleep(100);

        assertThatThrownBy(() -> payments.charge("order-3", charge(100, "pm-slow", "order-3")))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        refused -> assertThat(refused.status()).isEqualTo(409));
        assertThat(slow.get(5, TimeUnit.SECONDS).resource().status()).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(payments.charge("order-3", charge(100, "pm-slow", "order-3")).replayed())
                .isTrue();
    }

    @Test
    void pm_slow_succeeds_after_the_delay() {
        long started = System.nanoTime();

        Charge charge =
                payments.charge("order-4", charge(100, "pm-slow", "order-4")).resource();

        assertThat(charge.status()).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void pm_declined_is_declined_and_cannot_be_refunded() {
        Charge declined = payments.charge("order-5", charge(100, "pm-declined", "order-5"))
                .resource();

        assertThat(declined.status()).isEqualTo(ChargeStatus.DECLINED);
        assertThat(declined.failureCode()).isEqualTo("card_declined");
        assertThatThrownBy(() -> payments.refund("refund-5", declined.id(), new Payments.RefundRequest(null, null)))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        refused -> assertThat(refused.code()).isEqualTo("charge_not_refundable"));
    }

    @Test
    void an_unknown_payment_method_is_an_invalid_request_and_uses_up_no_key() {
        assertThatThrownBy(() -> payments.charge("order-6", charge(100, "pm-stolen", "order-6")))
                .isInstanceOfSatisfying(ProviderException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.param()).isEqualTo("payment_method");
                });
        assertThat(payments.charge("order-6", charge(100, "pm-ok", "order-6")).replayed())
                .isFalse();
    }

    @Test
    void a_refund_gives_everything_back_once_and_its_key_replays_it() {
        Charge charge =
                payments.charge("order-7", charge(1250, "pm-ok", "order-7")).resource();

        Refund refund = payments.refund("refund-7", charge.id(), new Payments.RefundRequest(null, "cancelled"))
                .resource();
        Payments.Outcome<Refund> replay =
                payments.refund("refund-7", charge.id(), new Payments.RefundRequest(null, "cancelled"));

        assertThat(refund.amountMinor()).isEqualTo(1250);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.resource()).isEqualTo(refund);
        assertThat(ledger.statusOf(charge)).isEqualTo(ChargeStatus.REFUNDED);
        assertThatThrownBy(() -> payments.refund("another-key", charge.id(), new Payments.RefundRequest(null, null)))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        refused -> assertThat(refused.code()).isEqualTo("charge_already_refunded"));
    }

    @Test
    void a_partial_refund_leaves_the_rest_refundable_but_never_more() {
        Charge charge =
                payments.charge("order-8", charge(1000, "pm-ok", "order-8")).resource();

        payments.refund("refund-8a", charge.id(), new Payments.RefundRequest(400L, null));

        assertThat(ledger.statusOf(charge)).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThatThrownBy(() -> payments.refund("refund-8b", charge.id(), new Payments.RefundRequest(700L, null)))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        refused -> assertThat(refused.code()).isEqualTo("amount_too_large"));
        assertThat(payments.refund("refund-8c", charge.id(), new Payments.RefundRequest(null, null))
                        .resource()
                        .amountMinor())
                .isEqualTo(600);
    }

    @Test
    void a_restarted_provider_knows_its_charges_refunds_and_keys(@TempDir Path dir) {
        Path file = dir.resolve("ledger.jsonl");
        Payments before = new Payments(new Ledger(new LedgerFile(file, JSON)), Clock.systemUTC(), Duration.ZERO);
        Charge charge =
                before.charge("order-9", charge(1250, "pm-ok", "order-9")).resource();
        before.refund("refund-9", charge.id(), new Payments.RefundRequest(null, null));

        Ledger restarted = new Ledger(new LedgerFile(file, JSON));
        Payments after = new Payments(restarted, Clock.systemUTC(), Duration.ZERO);

        assertThat(Files.exists(file)).isTrue();
        assertThat(restarted.entries()).hasSize(2);
        assertThat(restarted.statusOf(restarted.charge(charge.id()))).isEqualTo(ChargeStatus.REFUNDED);
        assertThat(after.charge("order-9", charge(1250, "pm-ok", "order-9"))
                        .resource()
                        .id())
                .isEqualTo(charge.id());
    }

    private static Payments.ChargeRequest charge(long amountMinor, String paymentMethod, String reference) {
        return new Payments.ChargeRequest(amountMinor, "eur", paymentMethod, reference, null);
    }
}
