package dev.microshop.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks an access token's signature once, not on every request: a token that {@code verifier} accepted is answered
 * from memory, by its exact text, until it expires, for at most {@code time-to-live} after its check, and only while
 * {@link SigningKeys} holds the key set it held then. A changed key set (a key rotated in or withdrawn) sends every
 * remembered token through the whole check again, so the tokens of a withdrawn key are refused as soon as the gateway
 * has fetched the set without it. Refused tokens are never remembered: however many distinct forged or garbage tokens
 * come, they take no memory (their checks cost what they cost before, bounded by the invalid-token rate limit); and
 * at most {@code max-size} accepted ones are kept, the least useful dropped first.
 * <p>
 * An answer from memory is the check's own: the check depends on the token, the keys and the time only, and on the
 * time through expiry (a remembered token is never answered past its {@code exp}; after it, the check decides, with
 * its clock skew) and not-before (once passed, it stays passed).
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final LongSupplier keySetVersion;
    private final Clock clock;
    private final Duration timeToLive;
    private final Cache<String, Verified> verified;

    CachingJwtDecoder(
            ReactiveJwtDecoder verifier, LongSupplier keySetVersion, Clock clock, VerifiedTokensProperties settings) {
        this.verifier = verifier;
        this.keySetVersion = keySetVersion;
        this.clock = clock;
        this.timeToLive = settings.timeToLive();
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfter(Expiry.<String, Verified>creating(
                        (token, entry) -> Duration.between(clock.instant(), entry.until())))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (known.answers(clock.instant(), keySetVersion.getAsLong())) {
                return Mono.just(known.jwt());
            }
            verified.invalidate(token);
        }
        long versionChecked = keySetVersion.getAsLong();
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt, versionChecked));
    }

    /** How many tokens are remembered now. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private void remember(String token, Jwt jwt, long versionChecked) {
        Instant now = clock.instant();
        Instant until = now.plus(timeToLive);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (until.isAfter(now)) {
            verified.put(token, new Verified(jwt, until, versionChecked));
        }
    }

    /**
     * @param keySetVersion the version of the key set read before the check began: a set fetched during the check
     *                      makes the token checked again on its next use, never trusted on an older set's word
     */
    private record Verified(Jwt jwt, Instant until, long keySetVersion) {

        boolean answers(Instant now, long currentKeySetVersion) {
            return now.isBefore(until) && keySetVersion == currentKeySetVersion;
        }
    }
}
