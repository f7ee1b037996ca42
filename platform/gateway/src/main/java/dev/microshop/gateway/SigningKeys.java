package dev.microshop.gateway;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.channel.ChannelOption;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * user-service's public keys, for the gateway's token check: fetched on first use and kept. A token whose key id the
 * kept set does not hold fetches the set again, so that a key rotated in is trusted at once, but at most once per
 * {@code refetch-interval} however many such tokens come: forged key ids must not turn into reads of user-service's
 * database. Spring Security's reactive JWKS source refetches for every unknown key id, and Nimbus's rate-limited
 * source (blocking, two fetches per interval) would take every token check off the event loop; hence this.
 * <p>
 * Every fetched set that differs from the one before counts up {@link #keySetVersion()}: tokens remembered as verified
 * ({@link CachingJwtDecoder}) are checked again under the new set.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final Mono<JWKSet> fetch;
    private final long refetchIntervalNanos;
    private final AtomicLong lastFetchNanos;
    private final AtomicLong keySetVersion = new AtomicLong();
    private volatile Mono<JWKSet> known;
    private volatile JWKSet lastFetched;

    SigningKeys(WebClient.Builder client, String jwkSetUri, JwksProperties settings) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .responseTimeout(settings.responseTimeout());
        WebClient jwks = client.clone()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        this.refetchIntervalNanos = settings.refetchInterval().toNanos();
        this.lastFetchNanos = new AtomicLong(System.nanoTime() - refetchIntervalNanos);
        this.fetch = Mono.defer(() -> {
            lastFetchNanos.set(System.nanoTime());
            return jwks.get()
                    .uri(jwkSetUri)
                    .retrieve()
                    .bodyToMono(String.class)
                    .map(SigningKeys::parse)
                    .doOnNext(this::fetched);
        });
        this.known = firstFetch();
    }

    /** The keys that may have signed {@code token}, for {@code NimbusReactiveJwtDecoder.withJwkSource}. */
    Flux<JWK> keysFor(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        return known.flatMap(keys -> {
                    List<JWK> matching = selector.select(keys);
                    return matching.isEmpty() ? refetched(keys).map(selector::select) : Mono.just(matching);
                })
                .flatMapIterable(Function.identity());
    }

    /** Counts up whenever a fetch brings a key set other than the one before; the first fetch leaves it at 0. */
    long keySetVersion() {
        return keySetVersion.get();
    }

    /** Kept once fetched; a first fetch that failed is not kept, so that the next token tries again. */
    private Mono<JWKSet> firstFetch() {
        return fetch.doOnError(failure -> known = firstFetch()).cache();
    }

    /** The set fetched again if the last fetch is older than the interval, else {@code current}. */
    private Mono<JWKSet> refetched(JWKSet current) {
        long last = lastFetchNanos.get();
        if (System.nanoTime() - last < refetchIntervalNanos || !lastFetchNanos.compareAndSet(last, System.nanoTime())) {
            return Mono.just(current);
        }
        Mono<JWKSet> refetch = fetch.onErrorResume(failure -> {
                    log.warn(
                            "Could not fetch the signing keys again, keeping the {} known ones: {}",
                            current.size(),
                            failure.toString());
                    return Mono.just(current);
                })
                .cache();
        known = refetch;
        return refetch;
    }

    private void fetched(JWKSet keys) {
        JWKSet before = lastFetched;
        lastFetched = keys;
        if (before != null && !before.equals(keys)) {
            keySetVersion.incrementAndGet();
        }
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("user-service's JWKS is not a JWK set: " + e.getMessage(), e);
        }
    }
}
