package dev.microshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** How often the gateway fetches user-service's keys, against a real HTTP server that counts the fetches. */
class SigningKeysTest {

    private static final Duration INTERVAL = Duration.ofSeconds(3);

    private final TestBackend backend = TestBackend.shared();
    private final String jwksPath = "/keys-" + UUID.randomUUID() + "/jwks.json";

    @AfterEach
    void noKeys() {
        backend.serveKeys("{\"keys\":[]}");
    }

    @Test
    void tokens_with_unknown_key_ids_fetch_the_keys_once_per_interval_and_a_rotated_key_is_trusted_after_it()
            throws Exception {
        RSAKey current = key("current");
        RSAKey rotated = key("rotated");
        backend.serveKeys(new JWKSet(current.toPublicJWK()).toString());
        SigningKeys keys = new SigningKeys(
                WebClient.builder(),
                backend.url() + jwksPath,
                new JwksProperties(INTERVAL, Duration.ofSeconds(1), Duration.ofSeconds(2)));

        assertThat(keysFor(keys, "current")).extracting(JWK::getKeyID).containsExactly("current");
        assertThat(backend.hits(jwksPath)).isOne();
        Thread.sleep(INTERVAL.plusMillis(100).toMillis());

        for (int n = 0; n < 50; n++) {
            assertThat(keysFor(keys, "forged-" + n)).isEmpty();
        }
        assertThat(backend.hits(jwksPath))
                .as("one fetch for 50 unknown key ids within the interval")
                .isEqualTo(2);
        assertThat(keys.keySetVersion()).as("the same set fetched again").isZero();

        backend.serveKeys(new JWKSet(List.of(current.toPublicJWK(), rotated.toPublicJWK())).toString());
        assertThat(keysFor(keys, "rotated")).as("still within the interval").isEmpty();
        Thread.sleep(INTERVAL.plusMillis(100).toMillis());
        assertThat(keysFor(keys, "rotated")).extracting(JWK::getKeyID).containsExactly("rotated");
        assertThat(keysFor(keys, "current")).extracting(JWK::getKeyID).containsExactly("current");
        assertThat(backend.hits(jwksPath)).isEqualTo(3);
        assertThat(keys.keySetVersion()).as("a set with a key rotated in").isOne();
    }

    @Test
    void a_jwks_that_does_not_answer_in_time_fails_the_check_after_the_response_timeout() {
        SigningKeys keys = new SigningKeys(
                WebClient.builder(),
                backend.url() + jwksPath + "?delay=3000",
                new JwksProperties(INTERVAL, Duration.ofSeconds(1), Duration.ofMillis(300)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> keysFor(keys, "current")).hasRootCauseInstanceOf(ReadTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    private static List<JWK> keysFor(SigningKeys keys, String keyId) {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                new JWTClaimsSet.Builder().subject("someone").build());
        return keys.keysFor(token).collectList().block(Duration.ofSeconds(5));
    }

    private static RSAKey key(String keyId) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(keyId).generate();
    }
}
