package dev.microshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Tokens checked once and then answered from memory, but never past their expiry, a key change or a bad signature. */
class CachingJwtDecoderTest {

    private static final RSAKey KEY = key();
    private static final RSAKey OTHER_KEY = key();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AtomicLong keySetVersion = new AtomicLong();
    private final AtomicInteger signatureChecks = new AtomicInteger();

    @Test
    void a_valid_token_is_accepted_and_its_signature_checked_once() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofSeconds(60));
        String token = signed(KEY, "alice", clock.instant().plusSeconds(900));

        for (int n = 0; n < 5; n++) {
            assertThat(decode(decoder, token).getSubject()).isEqualTo("alice");
        }
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void an_expired_token_is_refused_although_it_was_remembered_while_valid() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofSeconds(60));
        String token = signed(KEY, "alice", clock.instant().plusSeconds(30));
        assertThat(decode(decoder, token).getSubject()).isEqualTo("alice");

        clock.advance(Duration.ofSeconds(31));

        assertThatThrownBy(() -> decode(decoder, token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void a_token_with_a_bad_signature_is_refused_every_time_and_never_remembered() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofSeconds(60));
        String genuine = signed(KEY, "alice", clock.instant().plusSeconds(900));
        String forged = signed(OTHER_KEY, "alice", clock.instant().plusSeconds(900));
        String tampered = genuine.substring(0, genuine.length() - 6) + "AAAAAA";
        assertThat(decode(decoder, genuine).getSubject()).isEqualTo("alice");

        for (int n = 0; n < 3; n++) {
            assertThatThrownBy(() -> decode(decoder, forged)).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decode(decoder, tampered)).isInstanceOf(JwtException.class);
        }
        assertThat(signatureChecks).as("every refused token checked again").hasValue(7);
        assertThat(decoder.size()).as("only the genuine token remembered").isOne();
    }

    @Test
    void a_remembered_token_is_checked_again_after_the_time_to_live_and_after_the_keys_changed() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofSeconds(60));
        String token = signed(KEY, "alice", clock.instant().plusSeconds(900));
        decode(decoder, token);

        clock.advance(Duration.ofSeconds(59));
        decode(decoder, token);
        assertThat(signatureChecks).as("within the time to live").hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        decode(decoder, token);
        assertThat(signatureChecks).as("past the time to live").hasValue(2);

        keySetVersion.incrementAndGet();
        decode(decoder, token);
        decode(decoder, token);
        assertThat(signatureChecks).as("once after the keys changed").hasValue(3);
    }

    @Test
    void no_more_than_max_size_tokens_are_remembered() {
        CachingJwtDecoder decoder = decoder(20, Duration.ofSeconds(60));

        for (int n = 0; n < 200; n++) {
            decode(decoder, signed(KEY, "user-" + n, clock.instant().plusSeconds(900)));
        }

        assertThat(decoder.size()).isLessThanOrEqualTo(20);
    }

    private CachingJwtDecoder decoder(int maxSize, Duration timeToLive) {
        NimbusReactiveJwtDecoder nimbus;
        try {
            nimbus =
                    NimbusReactiveJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        // No clock skew here: a token is refused the moment it expires, as the remembered one must be.
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        nimbus.setJwtValidator(expiry);
        ReactiveJwtDecoder counted = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        return new CachingJwtDecoder(
                counted, keySetVersion::get, clock, new VerifiedTokensProperties(maxSize, timeToLive));
    }

    private static Jwt decode(ReactiveJwtDecoder decoder, String token) {
        return decoder.decode(token).block(Duration.ofSeconds(5));
    }

    private String signed(RSAKey key, String subject, Instant expiresAt) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    new JWTClaimsSet.Builder()
                            .subject(subject)
                            .issueTime(Date.from(clock.instant()))
                            .expirationTime(Date.from(expiresAt))
                            .build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
