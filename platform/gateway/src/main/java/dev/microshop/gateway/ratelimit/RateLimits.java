package dev.microshop.gateway.ratelimit;

import dev.microshop.gateway.ProblemResponses;
import dev.microshop.gateway.ratelimit.RateLimitProperties.RequestClass;
import dev.microshop.platform.config.LiveSettings;
import dev.microshop.platform.http.RetryAfter;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token-bucket rate limits per caller and class of requests. Runs in the security filter chain right after
 * authentication, so that a valid token's subject is known, and before authorization, so that anonymous calls to
 * protected paths count too; requests whose token authentication refused are counted by {@link #tokenRefused}.
 * Every limited response carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (seconds until the bucket is full); a refused one is a 429 problem with {@code Retry-After}.
 */
public class RateLimits {

    private static final String REJECTED_METRIC = "microshop.gateway.ratelimit.rejected";

    private final LiveSettings<RateLimitProperties> settings;
    private final BucketStore buckets;
    private final ProblemResponses problems;
    private final MeterRegistry meters;
    private volatile Classes classes;

    RateLimits(
            LiveSettings<RateLimitProperties> settings,
            BucketStore buckets,
            ProblemResponses problems,
            MeterRegistry meters) {
        this.settings = settings;
        this.buckets = buckets;
        this.problems = problems;
        this.meters = meters;
        this.classes = Classes.of(settings.current());
        // At zero from the start, so dashboards and alerts know every class before its first refusal.
        classes.inOrder().forEach(this::rejected);
    }

    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return caller(exchange).flatMap(caller -> limit(exchange, caller, Mono.defer(() -> chain.filter(exchange))));
    }

    /**
     * Counts a request whose token authentication refused against the client's address, then sends it
     * {@code refusal} (the 401), or a 429 once the address is over its limit. Authentication answers such requests
     * before {@link #filter} would see them, so without this a flood of forged tokens would never be limited.
     */
    public Mono<Void> tokenRefused(ServerWebExchange exchange, Mono<Void> refusal) {
        return limit(exchange, Caller.withRefusedToken(address(exchange.getRequest())), refusal);
    }

    private Mono<Void> limit(ServerWebExchange exchange, Caller caller, Mono<Void> next) {
        Optional<RateLimitClass> limit = classes().matching(exchange.getRequest(), caller);
        if (limit.isEmpty()) {
            return next;
        }
        return buckets.tryConsume(limit.get().bucketKey(caller), limit.get().bucket())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(probe -> probe.isPresent() ? answer(exchange, next, limit.get(), probe.get()) : next);
    }

    private Mono<Void> answer(
            ServerWebExchange exchange, Mono<Void> next, RateLimitClass limit, ConsumptionProbe probe) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Long.toString(limit.burst()));
        headers.set("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        headers.set(
                "RateLimit-Reset",
                Long.toString(RetryAfter.roundedUp(Duration.ofNanos(probe.getNanosToWaitForReset()))));
        if (probe.isConsumed()) {
            return next;
        }
        rejected(limit).increment();
        long retryAfter = RetryAfter.seconds(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests (limit '%s'); try again in %d s".formatted(limit.name(), retryAfter));
    }

    private Counter rejected(RateLimitClass limit) {
        return Counter.builder(REJECTED_METRIC)
                .description("Requests refused with 429 by a rate limit")
                .tag("class", limit.name())
                .register(meters);
    }

    /** The classes of the current settings by order, compiled again only when the settings changed. */
    private Classes classes() {
        RateLimitProperties current = settings.current();
        Classes compiled = classes;
        if (compiled.source() != current) {
            compiled = Classes.of(current);
            compiled.inOrder().forEach(this::rejected);
            classes = compiled;
        }
        return compiled;
    }

    private static Mono<Caller> caller(ServerWebExchange exchange) {
        String address = address(exchange.getRequest());
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(RateLimits::hasValidToken)
                .map(authentication -> Caller.withValidToken(authentication.getName(), address))
                .defaultIfEmpty(Caller.withoutToken(address));
    }

    private static boolean hasValidToken(Authentication authentication) {
        return authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private record Classes(RateLimitProperties source, List<RateLimitClass> inOrder) {

        static Classes of(RateLimitProperties properties) {
            return new Classes(
                    properties,
                    properties.classes().entrySet().stream()
                            .sorted(Comparator.comparingInt((Map.Entry<String, RequestClass> entry) ->
                                            entry.getValue().order())
                                    .thenComparing(Map.Entry::getKey))
                            .map(entry -> RateLimitClass.of(entry.getKey(), entry.getValue()))
                            .toList());
        }

        Optional<RateLimitClass> matching(ServerHttpRequest request, Caller caller) {
            return inOrder.stream()
                    .filter(limit -> limit.matches(request, caller))
                    .findFirst();
        }
    }
}
