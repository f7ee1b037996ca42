package dev.microshop.paymentprovider.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provider's HTTP API on a real port, as a merchant's client sees it: its own JSON, statuses and errors. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.import=file:../../config/payment-provider.yml",
            "spring.cloud.config.enabled=false",
            "spring.cloud.config.import-check.enabled=false",
            "management.tracing.export.zipkin.enabled=false",
            "logging.file.name=",
            "payment-provider.ledger-file=",
            "payment-provider.slow-payment-delay=300ms"
        })
class ProviderApiTest {

    private static final JsonMapper JSON = new JsonMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @AfterEach
    void resetFaults() throws Exception {
        send(HttpRequest.newBuilder(uri("/admin/faults")).DELETE());
    }

    @Test
    void a_charge_speaks_minor_units_and_lower_case_currency_and_replays_under_its_key() throws Exception {
        String order = UUID.randomUUID().toString();

        HttpResponse<String> first = charge(order, 1250, "pm-ok", order);
        HttpResponse<String> replay = charge(order, 1250, "pm-ok", order);

        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode charge = JSON.readTree(first.body());
        assertThat(charge.get("id").asString()).startsWith("ch_");
        assertThat(charge.get("object").asString()).isEqualTo("charge");
        assertThat(charge.get("amount_minor").asLong()).isEqualTo(1250);
        assertThat(charge.get("currency").asString()).isEqualTo("eur");
        assertThat(charge.get("status").asString()).isEqualTo("succeeded");
        assertThat(charge.get("created").isNumber()).isTrue();
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(JSON.readTree(replay.body()).get("id")).isEqualTo(charge.get("id"));
        assertThat(ledger(order).get("entries")).hasSize(1);
    }

    @Test
    void errors_come_in_the_providers_own_format_not_problem_details() throws Exception {
        String order = UUID.randomUUID().toString();
        charge(order, 1250, "pm-ok", order);

        HttpResponse<String> reused = charge(order, 999, "pm-ok", order);
        HttpResponse<String> noKey = send(HttpRequest.newBuilder(uri("/v1/charges"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"amount_minor\":1,\"currency\":\"eur\",\"payment_method\":\"pm-ok\"}")));
        HttpResponse<String> badCurrency = send(post(
                "/v1/charges",
                UUID.randomUUID().toString(),
                "{\"amount_minor\":1,\"currency\":\"EUR\",\"payment_method\":\"pm-ok\"}"));
        HttpResponse<String> unknownCharge =
                send(HttpRequest.newBuilder(uri("/v1/charges/ch_nope")).GET());

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(error(reused).get("type").asString()).isEqualTo("idempotency_error");
        assertThat(error(reused).get("code").asString()).isEqualTo("idempotency_key_reused");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(error(noKey).get("code").asString()).isEqualTo("idempotency_key_missing");
        assertThat(badCurrency.statusCode()).isEqualTo(400);
        assertThat(error(badCurrency).get("param").asString()).isEqualTo("currency");
        assertThat(unknownCharge.statusCode()).isEqualTo(404);
        assertThat(error(unknownCharge).get("code").asString()).isEqualTo("resource_missing");
    }

    @Test
    void a_declined_charge_and_a_refund_show_in_the_ledger_with_their_net() throws Exception {
        String paid = UUID.randomUUID().toString();
        String declined = UUID.randomUUID().toString();
        String chargeId = JSON.readTree(charge(paid, 1250, "pm-ok", paid).body())
                .get("id")
                .asString();
        JsonNode decline =
                JSON.readTree(charge(declined, 500, "pm-declined", declined).body());

        HttpResponse<String> refund = send(
                post("/v1/charges/" + chargeId + "/refunds", "refund-" + paid, "{\"reason\":\"order cancelled\"}"));

        assertThat(decline.get("status").asString()).isEqualTo("declined");
        assertThat(decline.get("failure_code").asString()).isEqualTo("card_declined");
        assertThat(refund.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(refund.body()).get("amount_minor").asLong()).isEqualTo(1250);
        JsonNode books = ledger(paid);
        assertThat(books.get("entries"))
                .extracting(entry -> entry.get("type").asString())
                .containsExactly("charge", "refund");
        assertThat(books.get("totals").get("eur").get("net_minor").asLong()).isZero();
        JsonNode byReference = JSON.readTree(
                send(HttpRequest.newBuilder(uri("/ledger/references")).GET()).body());
        assertThat(byReference.get(paid).get("net_minor").asLong()).isZero();
        assertThat(byReference.get(declined).get("succeeded_charges").asInt()).isZero();
        assertThat(JSON.readTree(send(HttpRequest.newBuilder(uri("/v1/charges/" + chargeId))
                                        .GET())
                                .body())
                        .get("status")
                        .asString())
                .isEqualTo("refunded");
    }

    @Test
    void a_reconciler_pages_through_every_charge_after_the_last_one_it_saw() throws Exception {
        // Other tests share this provider: list only what comes after a charge of this test's own.
        JsonNode lastSeen = JSON.readTree(
                charge(UUID.randomUUID().toString(), 100, "pm-ok", "before").body());
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String order = UUID.randomUUID().toString();
            made.add(JSON.readTree(charge(order, 100 + i, i % 50 == 0 ? "pm-declined" : "pm-ok", order)
                            .body())
                    .get("id")
                    .asString());
        }

        List<String> listed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String startingAfter = lastSeen.get("id").asString();
        do {
            JsonNode page = list("?limit=100&starting_after=" + startingAfter);
            assertThat(page.get("object").asString()).isEqualTo("list");
            page.get("data").forEach(charge -> listed.add(charge.get("id").asString()));
            sizes.add(page.get("data").size());
            hasMore.add(page.get("has_more").asBoolean());
            startingAfter = listed.getLast();
        } while (hasMore.getLast());

        assertThat(sizes).containsExactly(100, 100, 50);
        assertThat(hasMore).containsExactly(true, true, false);
        assertThat(listed).isEqualTo(made);
        JsonNode declined = list("?limit=1&starting_after=" + lastSeen.get("id").asString())
                .get("data")
                .get(0);
        assertThat(declined.get("id").asString()).isEqualTo(made.getFirst());
        assertThat(declined.get("status").asString()).isEqualTo("declined");
        assertThat(declined.get("amount_minor").asLong()).isEqualTo(100);
        assertThat(declined.get("currency").asString()).isEqualTo("eur");
        assertThat(declined.get("amount_refunded_minor").asLong()).isZero();
        assertThat(declined.get("payment_method").asString()).isEqualTo("pm-declined");
        assertThat(declined.get("reference").isString()).isTrue();
        assertThat(declined.get("created").asLong())
                .isGreaterThanOrEqualTo(lastSeen.get("created").asLong());
    }

    @Test
    void the_list_keeps_to_the_created_window() throws Exception {
        JsonNode lastSeen = JSON.readTree(
                charge(UUID.randomUUID().toString(), 100, "pm-ok", "before").body());
        String order = UUID.randomUUID().toString();
        String after = JSON.readTree(charge(order, 100, "pm-ok", order).body())
                .get("id")
                .asString();
        String continuing = "&starting_after=" + lastSeen.get("id").asString();
        long created = lastSeen.get("created").asLong();

        JsonNode fromThen = list("?created_gte=" + created + continuing);
        JsonNode beforeThen = list("?created_lt=" + created + continuing);
        JsonNode inAnHour = list("?created_gte=" + (created + 3600));

        assertThat(fromThen.get("data"))
                .extracting(charge -> charge.get("id").asString())
                .containsExactly(after);
        assertThat(beforeThen.get("data")).isEmpty();
        assertThat(beforeThen.get("has_more").asBoolean()).isFalse();
        assertThat(inAnHour.get("data")).isEmpty();
        assertThat(list("?limit=1").get("has_more").asBoolean()).isTrue(); // without a window: from the first charge
    }

    @Test
    void bad_list_parameters_are_refused_in_the_providers_format() throws Exception {
        assertRefused("?limit=0", "parameter_invalid", "limit");
        assertRefused("?limit=101", "parameter_invalid", "limit");
        assertRefused("?limit=ten", "parameter_invalid", "limit");
        assertRefused("?created_gte=yesterday", "parameter_invalid", "created_gte");
        assertRefused("?created_lt=1.5", "parameter_invalid", "created_lt");
        assertRefused("?starting_after=ch_nope", "resource_missing", "starting_after");
    }

    @Test
    void listing_by_reference_answers_all_its_charges_oldest_first_on_one_page() throws Exception {
        String order = UUID.randomUUID().toString();
        String declined = JSON.readTree(
                        charge(order + "-1", 100, "pm-declined", order).body())
                .get("id")
                .asString();
        String paid = JSON.readTree(charge(order + "-2", 100, "pm-ok", order).body())
                .get("id")
                .asString();
        charge(order + "-3", 100, "pm-ok", "another-order");

        JsonNode charges = list("?reference=" + order);

        assertThat(charges.get("object").asString()).isEqualTo("list");
        assertThat(charges.get("data"))
                .extracting(charge -> charge.get("id").asString())
                .containsExactly(declined, paid);
        assertThat(charges.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void a_failure_rate_of_one_answers_500_and_charges_nothing() throws Exception {
        setFaults("{\"failure_rate\":1.0}");
        String order = UUID.randomUUID().toString();

        HttpResponse<String> failed = charge(order, 100, "pm-ok", order);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(error(failed).get("type").asString()).isEqualTo("api_error");
        assertThat(ledger(order).get("entries")).isEmpty();
        assertThat(send(HttpRequest.newBuilder(uri("/ledger")).GET()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_failure_after_processing_loses_only_the_answer_and_a_retry_with_the_key_gets_the_same_charge()
            throws Exception {
        setFaults("{\"failure_rate\":1.0,\"fail_after_processing\":true}");
        String order = UUID.randomUUID().toString();

        HttpResponse<String> lostAnswer = charge(order, 100, "pm-ok", order);
        setFaults("{}");
        HttpResponse<String> retry = charge(order, 100, "pm-ok", order);

        assertThat(lostAnswer.statusCode()).isEqualTo(500);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(ledger(order).get("entries")).hasSize(1);
    }

    @Test
    void extra_latency_slows_every_payment_call() throws Exception {
        setFaults("{\"extra_latency_ms\":400}");
        String order = UUID.randomUUID().toString();
        long started = System.nanoTime();

        HttpResponse<String> slowed = charge(order, 100, "pm-ok", order);

        assertThat(slowed.statusCode()).isEqualTo(201);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
        JsonNode faults = JSON.readTree(
                send(HttpRequest.newBuilder(uri("/admin/faults")).GET()).body());
        assertThat(faults.get("extra_latency_ms").asLong()).isEqualTo(400);
    }

    @Test
    void invalid_fault_settings_are_refused() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/admin/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"failure_rate\":1.5}")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(error(refused).get("param").asString()).isEqualTo("failure_rate");
    }

    private HttpResponse<String> charge(String key, long amountMinor, String paymentMethod, String reference)
            throws Exception {
        return send(post("/v1/charges", key, """
                {"amount_minor":%d,"currency":"eur","payment_method":"%s","reference":"%s"}""".formatted(amountMinor, paymentMethod, reference)));
    }

    private JsonNode list(String query) throws Exception {
        HttpResponse<String> listed =
                send(HttpRequest.newBuilder(uri("/v1/charges" + query)).GET());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return JSON.readTree(listed.body());
    }

    private void assertRefused(String query, String code, String param) throws Exception {
        HttpResponse<String> refused =
                send(HttpRequest.newBuilder(uri("/v1/charges" + query)).GET());
        assertThat(refused.statusCode()).as(query).isEqualTo(400);
        assertThat(error(refused).get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error(refused).get("code").asString()).as(query).isEqualTo(code);
        assertThat(error(refused).get("param").asString()).as(query).isEqualTo(param);
        assertThat(error(refused).get("message").asString()).isNotBlank();
    }

    private JsonNode ledger(String reference) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(uri("/ledger?reference=" + reference))
                        .GET())
                .body());
    }

    private void setFaults(String json) throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/admin/faults"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(json)))
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpRequest.Builder post(String path, String idempotencyKey, String json) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("error");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
