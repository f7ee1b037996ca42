package dev.microshop.paymentprovider.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Listing charges for reconciliation: pages in the order charges were made, filtered by when they were created. */
class ChargePagesTest {

    private static final long ALL_TIME = Long.MAX_VALUE;

    private final Ledger ledger = new Ledger(LedgerFile.none(new JsonMapper()));

    @Test
    void paging_on_from_the_last_charge_yields_every_charge_once_in_the_order_made() {
        List<String> made = IntStream.range(0, 250)
                .mapToObj(i -> record("ch_" + i, 1_000 + i).id())
                .toList();

        List<String> listed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String startingAfter = null;
        do {
            Ledger.ChargePage page = ledger.chargesCreated(0, ALL_TIME, startingAfter, 100);
            page.charges().forEach(charge -> listed.add(charge.id()));
            sizes.add(page.charges().size());
            hasMore.add(page.hasMore());
            startingAfter = listed.getLast();
        } while (hasMore.getLast());

        assertThat(sizes).containsExactly(100, 100, 50);
        assertThat(hasMore).containsExactly(true, true, false);
        assertThat(listed).isEqualTo(made);
    }

    @Test
    void a_page_that_takes_the_last_charge_has_no_more() {
        IntStream.range(0, 100).forEach(i -> record("ch_" + i, 1_000));

        Ledger.ChargePage page = ledger.chargesCreated(0, ALL_TIME, null, 100);

        assertThat(page.charges()).hasSize(100);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void the_created_window_includes_its_start_excludes_its_end_and_keeps_the_order_made() {
        record("ch_early", 100);
        record("ch_start", 200);
        record("ch_end", 300);
        record("ch_recorded_late", 250); // a slow charge, recorded after a later one

        Ledger.ChargePage page = ledger.chargesCreated(200, 300, null, 100);

        assertThat(page.charges()).extracting(Charge::id).containsExactly("ch_start", "ch_recorded_late");
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void starting_after_continues_after_that_charge_even_outside_the_window() {
        record("ch_a", 100);
        record("ch_b", 200);
        record("ch_c", 300);
        record("ch_d", 400);

        assertThat(ledger.chargesCreated(300, ALL_TIME, "ch_a", 100).charges())
                .extracting(Charge::id)
                .containsExactly("ch_c", "ch_d");
        assertThat(ledger.chargesCreated(0, ALL_TIME, "ch_c", 100).charges())
                .extracting(Charge::id)
                .containsExactly("ch_d");
        assertThat(ledger.chargesCreated(0, ALL_TIME, "ch_d", 100).charges()).isEmpty();
    }

    @Test
    void an_unknown_starting_after_is_an_invalid_request() {
        record("ch_a", 100);

        assertThatThrownBy(() -> ledger.chargesCreated(0, ALL_TIME, "ch_nope", 100))
                .isInstanceOfSatisfying(ProviderException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.code()).isEqualTo("resource_missing");
                    assertThat(refused.param()).isEqualTo("starting_after");
                });
    }

    private Charge record(String id, long createdEpochSecond) {
        Charge charge = new Charge(
                id,
                "key-" + id,
                "fingerprint",
                100,
                "eur",
                "pm-ok",
                "order-" + id,
                null,
                ChargeStatus.SUCCEEDED,
                null,
                null,
                Instant.ofEpochSecond(createdEpochSecond));
        ledger.recordCharge(charge);
        return charge;
    }
}
