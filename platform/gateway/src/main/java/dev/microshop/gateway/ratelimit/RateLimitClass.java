package dev.microshop.gateway.ratelimit;

import dev.microshop.gateway.ratelimit.RateLimitProperties.Key;
import dev.microshop.gateway.ratelimit.RateLimitProperties.RequestClass;
import dev.microshop.gateway.ratelimit.RateLimitProperties.Token;
import dev.microshop.platform.http.RequestPattern;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A configured class of requests, ready to match requests and to name their buckets.
 *
 * @param bucketPrefix starts every bucket key of this class; it includes the limit, so a changed limit starts new
 *                     buckets (full, of the new size) on every gateway at once, and the old ones expire unused
 */
record RateLimitClass(
        String name,
        List<RequestPattern> requests,
        Token token,
        Key key,
        long burst,
        BucketConfiguration bucket,
        String bucketPrefix) {

    static RateLimitClass of(String name, RequestClass limit) {
        Bandwidth bandwidth = Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.capacity(), limit.period())
                .build();
        BucketConfiguration bucket =
                BucketConfiguration.builder().addLimit(bandwidth).build();
        String bucketPrefix = "microshop:rate-limit:%s:%d/%dms/%d:"
                .formatted(name, limit.capacity(), limit.period().toMillis(), limit.burst());
        return new RateLimitClass(
                name,
                limit.requests().stream().map(RequestPattern::parse).toList(),
                limit.token(),
                limit.key(),
                limit.burst(),
                bucket,
                bucketPrefix);
    }

    boolean matches(ServerHttpRequest request, Caller caller) {
        return (token == null || token == caller.token())
                && requests.stream()
                        .anyMatch(pattern -> pattern.matches(
                                request.getMethod(), request.getPath().pathWithinApplication()));
    }

    String bucketKey(Caller caller) {
        return key == Key.CALLER && caller.authenticated()
                ? bucketPrefix + "user:" + caller.userId()
                : bucketPrefix + "ip:" + caller.address();
    }
}
