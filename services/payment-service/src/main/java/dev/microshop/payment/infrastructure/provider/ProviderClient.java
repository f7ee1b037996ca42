package dev.microshop.payment.infrastructure.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's HTTP API, one method per call, in its own model. Sorts every answer into a result, a
 * refusal ({@link ProviderRejectedException}) or no usable answer ({@link ProviderUnavailableException}).
 */
class ProviderClient {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The provider's JSON: snake_case, and it may add fields and statuses that we do not know. */
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    private final RestClient http;

    ProviderClient(RestClient http) {
        this.http = http;
    }

    ProviderModel.Charge createCharge(String idempotencyKey, ProviderModel.ChargeRequest request) {
        return call(
                () -> http.post()
                        .uri("/v1/charges")
                        .header(IDEMPOTENCY_KEY, idempotencyKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JSON.writeValueAsBytes(request)),
                ProviderModel.Charge.class);
    }

    List<ProviderModel.Charge> chargesWithReference(String reference) {
        return call(
                        () -> http.get()
                                .uri(uri -> uri.path("/v1/charges")
                                        .queryParam("reference", reference)
                                        .build()),
                        ProviderModel.ChargeList.class)
                .data();
    }

    /** A page (100 at most) of the charges created from {@code createdGte} (epoch seconds) on, after {@code startingAfter}. */
    ProviderModel.ChargeList chargesCreated(long createdGte, String startingAfter) {
        return call(
                () -> http.get().uri(uri -> {
                    uri.path("/v1/charges")
                            .queryParam("created_gte", createdGte)
                            .queryParam("limit", 100);
                    if (startingAfter != null) {
                        uri.queryParam("starting_after", startingAfter);
                    }
                    return uri.build();
                }),
                ProviderModel.ChargeList.class);
    }

    ProviderModel.Refund createRefund(String idempotencyKey, String chargeId, ProviderModel.RefundRequest request) {
        return call(
                () -> http.post()
                        .uri("/v1/charges/{id}/refunds", chargeId)
                        .header(IDEMPOTENCY_KEY, idempotencyKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JSON.writeValueAsBytes(request)),
                ProviderModel.Refund.class);
    }

    private <T> T call(java.util.function.Supplier<RestClient.RequestHeadersSpec<?>> request, Class<T> answer) {
        try {
            return request.get().exchange((sent, response) -> {
                int status = response.getStatusCode().value();
                byte[] body = response.getBody().readAllBytes();
                if (status >= 200 && status < 300) {
                    return JSON.readValue(body, answer);
                }
                ProviderModel.Error error = error(body);
                // 409: the same idempotency key is still being processed; asking again later is safe.
                if (status >= 500 || status == 409) {
                    throw new ProviderUnavailableException(
                            "Payment provider answered " + status + " " + error.code() + ": " + error.message(), null);
                }
                throw new ProviderRejectedException(status, error.code(), error.message());
            });
        } catch (ResourceAccessException | UncheckedIOException unreachable) {
            throw new ProviderUnavailableException(
                    "Payment provider unreachable: " + unreachable.getMessage(), unreachable);
        } catch (JacksonException unreadable) {
            throw new ProviderUnavailableException("Payment provider answered something unreadable", unreadable);
        }
    }

    private static ProviderModel.Error error(byte[] body) throws IOException {
        try {
            ProviderModel.ErrorResponse response = JSON.readValue(body, ProviderModel.ErrorResponse.class);
            if (response.error() != null) {
                return response.error();
            }
        } catch (JacksonException notTheProvidersFormat) {
            // A proxy or the server itself answered; report the status alone.
        }
        return new ProviderModel.Error("api_error", "unknown", "no error details", null);
    }
}
