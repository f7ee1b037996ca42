package dev.microshop.user.domain.signingkey;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An RSA key pair that signs access tokens. Exactly one key is active (signs); a retired key has lost its private
 * half and is only published for verification until every token it signed has expired.
 */
public record SigningKey(
        String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt, Instant retiredAt) {

    private static final int RSA_BITS = 2048;

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((retiredAt == null) == (privateKey == null)) {
            throw new IllegalArgumentException("an active key has a private key, a retired one has none");
        }
    }

    /** A new active key with a new, random key id. */
    public static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            var pair = generator.generateKeyPair();
            return new SigningKey(
                    UUID.randomUUID().toString(),
                    (RSAPublicKey) pair.getPublic(),
                    (RSAPrivateKey) pair.getPrivate(),
                    now,
                    null);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has RSA", impossible);
        }
    }

    public boolean isActive() {
        return retiredAt == null;
    }

    public boolean isDueForRotation(Instant now, Duration rotationPeriod) {
        return isActive() && !now.isBefore(createdAt.plus(rotationPeriod));
    }

    /**
     * How long until this active key may be replaced on request; zero once it has signed for {@code minimumInterval}.
     * Bounds how many keys rotations can pile up in the JWKS.
     */
    public Duration replaceableIn(Instant now, Duration minimumInterval) {
        Duration remaining = Duration.between(now, createdAt.plus(minimumInterval));
        return remaining.isPositive() ? remaining : Duration.ZERO;
    }

    /** Stops signing with this key and forgets its private half. */
    public SigningKey retire(Instant now) {
        if (!isActive()) {
            throw new IllegalStateException("key " + kid + " is already retired");
        }
        return new SigningKey(kid, publicKey, null, createdAt, now);
    }

    /**
     * Whether a token this key signed may still be valid: the active key always; a retired one until the longest
     * token lifetime has passed since it stopped signing.
     */
    public boolean mayVerifyTokensAt(Instant now, Duration tokenLifetime) {
        return isActive() || now.isBefore(retiredAt.plus(tokenLifetime));
    }
}
