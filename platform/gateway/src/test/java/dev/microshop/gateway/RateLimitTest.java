package dev.microshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.testsupport.TestAccessTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** The rate-limit classes of config/gateway.yml, each from a client address of its own so that buckets stay apart. */
class RateLimitTest extends GatewayIntegrationTest {

    @Autowired
    private ConfigurableEnvironment environment;

    @Autowired
    private ApplicationContext context;

    @Test
    void log_ins_and_sign_ups_from_one_address_are_limited_to_10_a_minute_with_429_and_rate_limit_headers() {
        HttpClient attacker = client("127.0.0.2");
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 11; attempt++) {
            String path = attempt % 2 == 0 ? "/api/auth/token" : "/api/users";
            answers.add(send(
                    attacker,
                    request(path)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build()));
        }

        assertThat(answers.subList(0, 10))
                .allSatisfy(passed -> assertThat(passed.statusCode()).isEqualTo(200));
        assertThat(answers.getFirst().headers().firstValue("RateLimit-Limit")).hasValue("10");
        assertThat(answers.getFirst().headers().firstValue("RateLimit-Remaining"))
                .hasValue("9");
        HttpResponse<String> limited = answers.getLast();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.body()).contains("\"status\":429", "sign-in");
        // One token comes back every 6 s.
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 6L);
        assertThat(limited.headers().firstValue("RateLimit-Limit")).hasValue("10");
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(Long.parseLong(
                        limited.headers().firstValue("RateLimit-Reset").orElseThrow()))
                .isBetween(1L, 60L);

        // The key is the connection's address: neither a forwarded-for header nor a token buys a fresh bucket...
        HttpResponse<String> spoofed = send(
                attacker,
                request("/api/auth/token", TestAccessTokens.customer())
                        .header("X-Forwarded-For", "203.0.113.9")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build());
        assertThat(spoofed.statusCode()).isEqualTo(429);
        // ... while another address has its own.
        HttpResponse<String> neighbour = send(
                client("127.0.0.3"),
                request("/api/auth/token")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build());
        assertThat(neighbour.statusCode()).isEqualTo(200);
    }

    @Test
    void a_flood_of_forged_tokens_from_one_address_meets_429_after_30_while_the_address_may_still_browse() {
        HttpClient forger = client("127.0.0.7");
        String forged = withAnotherTokensSignature(TestAccessTokens.customer());
        Burst burst = untilLimited(
                300, 401, () -> send(forger, request("/api/orders", forged).build()));

        System.out.printf(
                "[figure] forged tokens from one address: %d answered 401 in %.2f s, then 429%n",
                burst.passed(), burst.seconds());
        assertThat(burst.passed()).isBetween(30, 30 + (int) Math.ceil(burst.seconds()) + 1);
        HttpResponse<String> limited = burst.limited();
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.body()).contains("\"status\":429", "invalid-token");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 2L);
        assertThat(limited.headers().firstValue("RateLimit-Limit")).hasValue("30");
        // Neither a forwarded-for header nor another path buys a fresh bucket.
        assertThat(send(
                                forger,
                                request("/api/products", forged)
                                        .header("X-Forwarded-For", "203.0.113.7")
                                        .build())
                        .statusCode())
                .isEqualTo(429);

        // The address's own browsing and its valid tokens have buckets of their own; another address is not limited.
        assertThat(send(forger, request("/api/products").build()).statusCode()).isEqualTo(200);
        assertThat(send(
                                forger,
                                request("/api/orders", TestAccessTokens.customer())
                                        .build())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> neighbour =
                send(client("127.0.0.8"), request("/api/orders", forged).build());
        assertThat(neighbour.statusCode()).isEqualTo(401);
        assertThat(neighbour.headers().firstValue("RateLimit-Remaining")).hasValue("29");
    }

    @Test
    void anonymous_browsing_allows_a_burst_of_100_then_50_a_second_per_address() {
        HttpClient browser = client("127.0.0.4");
        Burst burst =
                untilLimited(1_000, () -> send(browser, request("/api/products").build()));

        System.out.printf(
                "[figure] anonymous requests from one address: %d passed in %.2f s, then 429%n",
                burst.passed(), burst.seconds());
        assertThat(burst.passed()).isBetween(100, 100 + (int) Math.ceil(50 * burst.seconds()) + 1);
        assertThat(burst.limited().headers().firstValue("RateLimit-Limit")).hasValue("100");
        assertThat(send(client("127.0.0.5"), request("/api/products").build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void authenticated_calls_are_limited_per_user_not_per_address() {
        String alice = TestAccessTokens.customer();
        String bob = TestAccessTokens.customer();
        Burst burst = untilLimited(200, () -> send(request("/api/orders", alice).build()));

        assertThat(burst.passed()).isBetween(40, 40 + (int) Math.ceil(20 * burst.seconds()) + 1);
        assertThat(burst.limited().headers().firstValue("RateLimit-Limit")).hasValue("40");
        HttpResponse<String> sameAddressOtherUser =
                send(request("/api/orders", bob).build());
        assertThat(sameAddressOtherUser.statusCode()).isEqualTo(200);
        assertThat(sameAddressOtherUser.headers().firstValue("RateLimit-Remaining"))
                .hasValue("39");
    }

    @Test
    void a_changed_limit_applies_at_runtime_after_a_configuration_refresh() {
        String carol = TestAccessTokens.customer();
        assertThat(send(request("/api/orders", carol).build()).headers().firstValue("RateLimit-Limit"))
                .hasValue("40");

        MapPropertySource lowered = new MapPropertySource(
                "lowered-limit",
                Map.of(
                        "microshop.gateway.rate-limits.classes.authenticated.capacity", "1",
                        "microshop.gateway.rate-limits.classes.authenticated.period", "1m",
                        "microshop.gateway.rate-limits.classes.authenticated.burst", "3"));
        environment.getPropertySources().addFirst(lowered);
        try {
            refreshed(lowered);
            List<Integer> statuses = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                statuses.add(send(request("/api/orders", carol).build()).statusCode());
            }
            assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        } finally {
            environment.getPropertySources().remove(lowered.getName());
            refreshed(lowered);
        }
        assertThat(send(request("/api/orders", carol).build()).headers().firstValue("RateLimit-Limit"))
                .hasValue("40");
    }

    @Test
    void overriding_one_class_does_not_change_which_class_limits_a_request() {
        MapPropertySource raised = new MapPropertySource(
                "raised-browsing", Map.of("microshop.gateway.rate-limits.classes.anonymous.capacity", "500"));
        environment.getPropertySources().addFirst(raised);
        try {
            refreshed(raised);
            HttpResponse<String> logIn = send(
                    client("127.0.0.9"),
                    request("/api/auth/token")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build());
            assertThat(logIn.headers().firstValue("RateLimit-Limit"))
                    .as("the sign-in class's")
                    .hasValue("10");
        } finally {
            environment.getPropertySources().remove(raised.getName());
            refreshed(raised);
        }
    }

    @Test
    void an_invalid_change_keeps_the_running_limits() {
        MapPropertySource broken = new MapPropertySource(
                "broken-limit", Map.of("microshop.gateway.rate-limits.classes.authenticated.capacity", "-5"));
        environment.getPropertySources().addFirst(broken);
        try {
            refreshed(broken);
            HttpResponse<String> answer =
                    send(request("/api/orders", TestAccessTokens.customer()).build());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("RateLimit-Limit")).hasValue("40");
        } finally {
            environment.getPropertySources().remove(broken.getName());
            refreshed(broken);
        }
    }

    /** What a Spring Cloud Bus refresh announces after it changed the environment. */
    private void refreshed(MapPropertySource changed) {
        context.publishEvent(
                new EnvironmentChangeEvent(context, changed.getSource().keySet()));
    }

    @Test
    void refused_requests_are_counted_per_class_in_prometheus() {
        HttpClient attacker = client("127.0.0.6");
        for (int attempt = 0; attempt < 12; attempt++) {
            send(
                    attacker,
                    request("/api/auth/refresh")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build());
        }

        String metrics = send(request("/actuator/prometheus").build()).body();
        assertThat(metrics.lines()
                        .filter(line -> line.startsWith("microshop_gateway_ratelimit_rejected_total{")
                                && line.contains("class=\"sign-in\"")))
                .singleElement()
                .satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .isGreaterThanOrEqualTo(2));
    }

    @Test
    void actuator_requests_are_not_limited() {
        HttpResponse<String> health = send(request("/actuator/health").build());
        assertThat(health.headers().firstValue("RateLimit-Limit")).isEmpty();
    }

    /** A token whose signature belongs to another token: the right key id, a signature that does not match. */
    private static String withAnotherTokensSignature(String token) {
        String other = TestAccessTokens.customer();
        return token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
    }

    /** Requests sent until the first 429, every one before it answered {@code status}. */
    private record Burst(int passed, HttpResponse<String> limited, double seconds) {}

    private static Burst untilLimited(int atMost, Supplier<HttpResponse<String>> request) {
        return untilLimited(atMost, 200, request);
    }

    private static Burst untilLimited(int atMost, int status, Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        for (int passed = 0; passed < atMost; passed++) {
            HttpResponse<String> answer = request.get();
            if (answer.statusCode() == 429) {
                return new Burst(passed, answer, (System.nanoTime() - start) / 1e9);
            }
            assertThat(answer.statusCode()).isEqualTo(status);
        }
        throw new AssertionError("no 429 after " + atMost + " requests");
    }
}
