package dev.microshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.testsupport.TestAccessTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;

/**
 * Per-route circuit breakers, bulkheads, retries and timeouts. The test context makes them small: a breaker opens
 * when 2 of the last 4 calls failed and tries again after 1 s; 3 calls per route may wait for an answer at once.
 * Each test works on a route of its own, so that one test's calls do not open or close another's breaker.
 */
class ResilienceTest extends GatewayIntegrationTest {

    private final String token = TestAccessTokens.customer();

    @Autowired
    private ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void a_route_whose_service_keeps_failing_is_cut_off_with_503_and_retry_after_then_closes_again() throws Exception {
        String path = "/api/payments/" + UUID.randomUUID();
        for (int call = 0; call < 4; call++) {
            HttpResponse<String> broken = post(path + "?drop=true");
            assertThat(broken.statusCode()).isEqualTo(503);
            assertThat(broken.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(broken.body()).contains("not available");
        }
        assertThat(breaker("payment-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        HttpResponse<String> cutOff = post(path);
        assertThat(cutOff.statusCode()).isEqualTo(503);
        assertThat(cutOff.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(cutOff.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(cutOff.body()).contains("failed repeatedly");
        assertThat(backend.hits(path)).as("calls that reached the service").isEqualTo(4);

        Thread.sleep(1_100);
        for (int call = 0; call < 3; call++) {
            assertThat(post(path).statusCode()).isEqualTo(200);
        }
        assertThat(breaker("payment-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void client_errors_and_server_errors_from_a_service_pass_through_unchanged_and_never_open_its_breaker() {
        for (int call = 0; call < 6; call++) {
            HttpResponse<String> notFound = send(request("/api/orders/" + UUID.randomUUID() + "?status=404", token)
                    .build());
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertThat(notFound.body()).contains("from the backend");
        }
        HttpResponse<String> bug =
                send(request("/api/orders/broken?status=500", token).build());
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(bug.body()).contains("from the backend");
        // As order-service refuses new orders while its saga is behind: more of them than a breaker's window.
        String placing = "/api/orders/" + UUID.randomUUID();
        for (int call = 0; call < 6; call++) {
            HttpResponse<String> heldBack = post(placing + "?status=503&retryAfter=5");
            assertThat(heldBack.statusCode()).isEqualTo(503);
            assertThat(heldBack.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(heldBack.body()).contains("from the backend");
        }
        assertThat(backend.hits(placing))
                .as("a POST answered 503 is not retried")
                .isEqualTo(6);

        assertThat(breaker("order-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker("order-service").getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    @Test
    void only_gets_are_retried_and_only_when_the_service_said_503_or_could_not_be_reached() {
        String get503 = "/api/products/" + UUID.randomUUID();
        HttpResponse<String> unavailable = send(request(get503 + "?status=503").build());
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("from the backend");
        assertThat(backend.hits(get503))
                .as("a GET answered 503: first try and 2 retries")
                .isEqualTo(3);

        String get500 = "/api/products/" + UUID.randomUUID();
        assertThat(send(request(get500 + "?status=500").build()).statusCode()).isEqualTo(500);
        assertThat(backend.hits(get500)).as("a GET answered 500").isEqualTo(1);

        String post503 = "/api/products/" + UUID.randomUUID();
        assertThat(post(post503 + "?status=503").statusCode()).isEqualTo(503);
        assertThat(backend.hits(post503)).as("a POST answered 503").isEqualTo(1);

        String getCutOff = "/api/notifications/" + UUID.randomUUID();
        HttpResponse<String> cutOff =
                send(request(getCutOff + "?drop=true", token).build());
        assertThat(cutOff.statusCode()).isEqualTo(503);
        assertThat(backend.hits(getCutOff)).as("a GET whose connection was cut").isEqualTo(3);
    }

    @Test
    void a_service_that_does_not_answer_within_the_routes_timeout_gets_504() {
        long start = System.nanoTime();
        HttpResponse<String> late = send(request("/api/users/" + UUID.randomUUID() + "?delay=5600", token)
                .build());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(late.statusCode()).isEqualTo(504);
        assertThat(late.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(millis).as("user-service's response-timeout is 5 s").isBetween(4_900L, 5_500L);
    }

    @Test
    void a_slow_service_fills_only_its_own_bulkhead_and_the_excess_gets_503_at_once() throws Exception {
        String slow = "/api/notifications/" + UUID.randomUUID() + "?delay=2000";
        double bulkheadFullBefore = serviceFailures("bulkhead_full");
        List<CompletableFuture<HttpResponse<String>>> waiting =
                List.of(sendAsync(slow), sendAsync(slow), sendAsync(slow));
        awaitInProgress(3);

        long start = System.nanoTime();
        HttpResponse<String> excess = send(request(slow, token).build());
        long excessMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        HttpResponse<String> otherRoute =
                send(request("/api/products/" + UUID.randomUUID()).build());
        long otherMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf(
                "[figure] 3 slow calls in progress: 4th to the same route answered in %d ms, "
                        + "a call to another route in %d ms%n",
                excessMillis, otherMillis);
        assertThat(excess.statusCode()).isEqualTo(503);
        assertThat(excess.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(excess.body()).contains("too many requests in progress");
        assertThat(excessMillis).isLessThan(500);
        assertThat(serviceFailures("bulkhead_full")).isEqualTo(bulkheadFullBefore + 1);
        assertThat(otherRoute.statusCode()).isEqualTo(200);
        assertThat(otherMillis).isLessThan(500);
        assertThat(waiting)
                .allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
    }

    @Test
    void breaker_and_bulkhead_states_are_exported_to_prometheus() {
        send(request("/api/products/" + UUID.randomUUID()).build());

        String metrics = send(request("/actuator/prometheus").build()).body();
        assertThat(metrics)
                .containsPattern(
                        "resilience4j_circuitbreaker_state\\{[^}]*name=\"inventory-service\"[^}]*state=\"closed\"")
                .containsPattern("resilience4j_bulkhead_available_concurrent_calls\\{[^}]*name=\"inventory-service\"");
    }

    /** The gateway's count of its own answers for a service that gave none, for one cause. */
    private double serviceFailures(String cause) {
        Matcher line = Pattern.compile(
                        "microshop_gateway_service_failures_total\\{[^}]*cause=\"" + cause + "\"[^}]*} (\\S+)")
                .matcher(send(request("/actuator/prometheus").build()).body());
        assertThat(line.find())
                .as("the counter of " + cause + " is registered at zero")
                .isTrue();
        return Double.parseDouble(line.group(1));
    }

    private HttpResponse<String> post(String pathAndQuery) {
        return send(request(pathAndQuery, token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private CircuitBreaker breaker(String route) {
        CircuitBreakerRegistry registry = breakers.getCircuitBreakerRegistry();
        return registry.circuitBreaker(route);
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String path) {
        return client(null).sendAsync(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitInProgress(int calls) throws InterruptedException {
        for (int wait = 0; wait < 100 && backend.inProgress() < calls; wait++) {
            Thread.sleep(20);
        }
        assertThat(backend.inProgress()).isEqualTo(calls);
    }
}
