package dev.microshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provider's failure knobs and books, as a test operator uses them. */
final class ProviderAdmin {

    private static final JsonMapper JSON = new JsonMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ProviderAdmin() {}

    static void setFaults(String settings) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/admin/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(settings)));
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    static void resetFaults() {
        send(HttpRequest.newBuilder(uri("/admin/faults")).DELETE());
    }

    /** The ledger's entries and totals for one order. */
    static JsonNode ledger(String orderId) {
        return JSON.readTree(
                send(HttpRequest.newBuilder(uri("/ledger?reference=" + orderId)).GET())
                        .body());
    }

    /** What stands charged for the order, in cents. */
    static long netMinor(String orderId) {
        JsonNode totals = ledger(orderId).get("totals");
        return totals.has("eur") ? totals.get("eur").get("net_minor").asLong() : 0;
    }

    static int succeededCharges(String orderId) {
        JsonNode totals = ledger(orderId).get("totals");
        return totals.has("eur") ? totals.get("eur").get("succeeded_charges").asInt() : 0;
    }

    /** A charge of 12.50 EUR made at the provider directly, as a request whose answer was lost would have made it. */
    static String charge(String reference) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/v1/charges"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", reference)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"amount_minor":1250,"currency":"eur","payment_method":"pm-ok","reference":"%s"}""".formatted(reference))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("id").asString();
    }

    private static URI uri(String path) {
        return URI.create(PaymentProviderProcess.url() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
