package dev.microshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.testsupport.TestAccessTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the gateway accepts from clients, and the headers it sends back. */
class RequestHardeningTest extends GatewayIntegrationTest {

    private static final String TWO_MEGABYTES = "{\"note\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    private final String token = TestAccessTokens.customer();

    @Test
    void a_body_over_1_mb_with_content_length_gets_413_before_it_reaches_the_service() {
        String path = "/api/orders/" + UUID.randomUUID();
        HttpResponse<String> tooLarge = send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TWO_MEGABYTES))
                .build());

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(tooLarge.body()).contains("\"status\":413");
        assertThat(backend.hits(path)).isZero();
    }

    @Test
    void a_chunked_body_is_counted_as_it_comes_and_refused_with_413_past_1_mb() {
        String path = "/api/orders/" + UUID.randomUUID();
        RawHttp.Answer tooLarge = RawHttp.sendChunked(
                port,
                "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\n",
                2 * 1024 * 1024);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(backend.hits(path)).isZero();

        String small = "/api/orders/" + UUID.randomUUID();
        RawHttp.Answer accepted = RawHttp.sendChunked(
                port,
                "POST " + small + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\n",
                900 * 1024);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(backend.hits(small)).isOne();
    }

    @Test
    void oversized_headers_get_431_and_an_overlong_url_414_as_problems() {
        HttpResponse<String> bigCookie = send(request("/api/products")
                .header("Cookie", "session=" + "c".repeat(20 * 1024))
                .build());
        assertThat(bigCookie.statusCode()).isEqualTo(431);
        assertThat(bigCookie.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(bigCookie.body()).contains("\"status\":431");
        assertThat(bigCookie.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> longUrl =
                send(request("/api/products?page=" + "9".repeat(16 * 1024)).build());
        assertThat(longUrl.statusCode()).isEqualTo(414);
        assertThat(longUrl.body()).contains("\"status\":414");
    }

    @Test
    void hostile_paths_get_400_problems_and_reach_no_service() {
        List<String> hostile = List.of(
                "/api/../actuator/env",
                "/api/users/../../actuator/env",
                "/api/products/%2e%2e/%2e%2e/actuator/env",
                "/api/products/%00",
                "/api/products/..%2f..%2factuator%2fenv",
                "/api/products/%252e%252e/x",
                "/api/products/x;jsessionid=1",
                "/api/products\\..\\x");
        for (String path : hostile) {
            RawHttp.Answer answer = RawHttp.send(
                    port,
                    "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Bearer " + token + "\r\n");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).isEqualTo("application/problem+json");
            assertThat(answer.body()).as(path).doesNotContain("propertySources");
        }
        assertThat(backend.hits("/actuator/env")).isZero();
    }

    @Test
    void internal_headers_from_clients_are_removed_before_routing() {
        String path = "/api/products/" + UUID.randomUUID();
        send(request(path, token)
                .header("X-User-Id", "someone-else")
                .header("X-Roles", "ADMIN")
                .header("X-Internal-Caller", "order-service")
                .header("X-Forwarded-User", "admin")
                .header("X-Request-Note", "kept")
                .build());

        assertThat(backend.headersOf(path))
                .doesNotContainKeys("x-user-id", "x-roles", "x-internal-caller", "x-forwarded-user")
                .containsKey("x-request-note")
                .containsKey("authorization");
    }

    @Test
    void every_answer_carries_the_security_headers_and_user_answers_are_not_stored() {
        HttpResponse<String> proxied = send(request("/api/products").build());
        HttpResponse<String> personal = send(request("/api/orders", token).build());
        HttpResponse<String> unauthorized = send(request("/api/orders").build());
        HttpResponse<String> notFound = send(request("/nowhere", token).build());

        for (HttpResponse<String> answer : List.of(proxied, personal, unauthorized, notFound)) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(answer.uri().toString())
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                    .as("plain HTTP")
                    .isEmpty();
        }
        assertThat(unauthorized.statusCode()).isEqualTo(401);
    }

    @Test
    void the_storefront_origin_gets_its_preflight_answered_by_the_gateway_and_other_origins_are_refused() {
        String path = "/api/orders/" + UUID.randomUUID();
        HttpResponse<String> allowed = send(preflight(path, "http://localhost:3000"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                .contains("POST");
        assertThat(allowed.headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse("")
                        .toLowerCase())
                .contains("authorization", "content-type");
        assertThat(backend.hits(path)).isZero();

        HttpResponse<String> refused = send(preflight(path, "https://evil.example"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> read = send(request("/api/products")
                .header("Origin", "http://localhost:3000")
                .build());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(read.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .contains("Retry-After", "RateLimit-Remaining");
        assertThat(send(request("/api/products")
                                .header("Origin", "https://evil.example")
                                .build())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_services_own_400_and_415_problems_pass_through_unchanged() {
        HttpResponse<String> unsupported = send(request("/api/orders?status=415", token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("two of product 1"))
                .build());
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(unsupported.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unsupported.body()).isEqualTo("{\"status\":415,\"detail\":\"from the backend\"}");

        HttpResponse<String> malformed = send(request("/api/orders?status=400", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"productId\":"))
                .build());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("{\"status\":400,\"detail\":\"from the backend\"}");
    }

    private HttpRequest preflight(String path, String origin) {
        return request(path)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
    }
}
