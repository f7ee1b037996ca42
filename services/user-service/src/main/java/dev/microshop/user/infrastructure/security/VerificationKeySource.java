package dev.microshop.user.infrastructure.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.microshop.user.application.signingkey.GetVerificationKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The public keys this service checks its own tokens with (the JWT decoder picks this bean up). Cached for a
 * minute; an unknown {@code kid} reloads at once, so a key that any instance has just rotated in is found
 * immediately. Reloads run one at a time and callers that waited share the result, which bounds the database
 * reads that tokens with made-up key ids can cause.
 */
@Component
class VerificationKeySource implements JWKSource<SecurityContext> {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private record Snapshot(JWKSet keys, Instant loadedAt) {}

    private final GetVerificationKeys verificationKeys;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(new JWKSet(), Instant.EPOCH);

    VerificationKeySource(GetVerificationKeys verificationKeys, Clock clock) {
        this.verificationKeys = verificationKeys;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Snapshot current = snapshot;
        if (clock.instant().isAfter(current.loadedAt().plus(MAX_AGE))) {
            current = reloadUnlessNewerThan(current);
        }
        List<JWK> found = selector.select(current.keys());
        return found.isEmpty() ? selector.select(reloadUnlessNewerThan(current).keys()) : found;
    }

    private synchronized Snapshot reloadUnlessNewerThan(Snapshot seen) {
        if (snapshot != seen) {
            return snapshot;
        }
        List<JWK> keys = verificationKeys.list().stream()
                .<JWK>map(key -> SigningKeyJwks.toJwk(key).toPublicJWK())
                .toList();
        snapshot = new Snapshot(new JWKSet(keys), clock.instant());
        return snapshot;
    }
}
