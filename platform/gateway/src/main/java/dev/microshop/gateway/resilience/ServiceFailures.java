package dev.microshop.gateway.resilience;

import dev.microshop.gateway.ProblemResponses;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's answer when a service gave none. A service that is down, restarting, not yet in discovery, too slow,
 * too busy or cut off by its circuit breaker is the system's trouble, not the client's and not a bug: 503 with
 * Retry-After, or 504 when it did not answer in time; never a 500. Each such answer counts in
 * {@code microshop_gateway_service_failures_total{cause}} (breaker_open, bulkhead_full, unreachable, timeout).
 */
@Component
class ServiceFailures {

    private static final long RETRY_AFTER_UNREACHABLE = 2;
    private static final long RETRY_AFTER_BUSY = 1;

    private final ProblemResponses problems;
    private final CircuitBreakerRegistry breakers;
    private final Map<Cause, Counter> failures = new EnumMap<>(Cause.class);

    private enum Cause {
        BREAKER_OPEN,
        BULKHEAD_FULL,
        UNREACHABLE,
        TIMEOUT
    }

    ServiceFailures(
            ProblemResponses problems, ReactiveResilience4JCircuitBreakerFactory breakers, MeterRegistry meters) {
        this.problems = problems;
        this.breakers = breakers.getCircuitBreakerRegistry();
        for (Cause cause : Cause.values()) {
            failures.put(
                    cause,
                    Counter.builder("microshop.gateway.service.failures")
                            .description("Requests the gateway answered itself because the service gave no answer")
                            .tag("cause", cause.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    /** Answers {@code failure} if it is a service's failure to answer; else completes with it, for the error handler. */
    Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof CallNotPermittedException open) {
            failures.get(Cause.BREAKER_OPEN).increment();
            return unavailable(
                    exchange,
                    secondsOpen(open.getCausingCircuitBreakerName()),
                    "The service for this request failed repeatedly; requests to it are held back for a moment");
        }
        if (failure instanceof BulkheadFullException) {
            failures.get(Cause.BULKHEAD_FULL).increment();
            return unavailable(
                    exchange,
                    RETRY_AFTER_BUSY,
                    "The service for this request has too many requests in progress; try again shortly");
        }
        if (failure instanceof NotFoundException || failure instanceof IOException) {
            failures.get(Cause.UNREACHABLE).increment();
            return unavailable(
                    exchange,
                    RETRY_AFTER_UNREACHABLE,
                    "The service for this request is not available right now; try again shortly");
        }
        if (isTimeout(failure)) {
            failures.get(Cause.TIMEOUT).increment();
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "The service did not answer in time");
        }
        return Mono.error(failure);
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, long retryAfterSeconds, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, detail);
    }

    /** An open breaker lets a trial request through after its wait; that is when a retry has a chance. */
    private long secondsOpen(String breakerName) {
        return breakers.find(breakerName)
                .map(breaker -> breaker.getCircuitBreakerConfig()
                        .getWaitIntervalFunctionInOpenState()
                        .apply(1))
                .map(millis -> Math.max(1, (millis + 999) / 1000))
                .orElse(RETRY_AFTER_UNREACHABLE);
    }

    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException
                || failure instanceof org.springframework.cloud.gateway.support.TimeoutException
                || failure instanceof ResponseStatusException status
                        && status.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT;
    }
}
