package dev.microshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.microshop.testsupport.TestAccessTokens;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tokens signed with keys user-service never published, each with a key id of its own. */
class UnknownSigningKeyTest extends GatewayIntegrationTest {

    private static final String JWKS = "/.well-known/jwks.json";

    @Test
    void tokens_with_unknown_key_ids_get_401_and_fetch_user_services_keys_at_most_once_per_interval() throws Exception {
        assertThat(send(request("/api/orders", TestAccessTokens.customer()).build())
                        .statusCode())
                .isEqualTo(200);
        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        HttpClient forger = client("127.0.0.10");
        int fetchesBefore = backend.hits(JWKS);

        for (int n = 0; n < 25; n++) {
            HttpResponse<String> answer = send(
                    forger,
                    request("/api/orders", signed(stranger, "kid-" + UUID.randomUUID()))
                            .build());
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        assertThat(backend.hits(JWKS) - fetchesBefore)
                .as("JWKS fetches for 25 unknown key ids within 30 s")
                .isLessThanOrEqualTo(1);
        assertThat(send(request("/api/orders", TestAccessTokens.customer()).build())
                        .statusCode())
                .isEqualTo(200);
    }

    private static String signed(RSAKey key, String keyId) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                new JWTClaimsSet.Builder()
                        .issuer("microshop")
                        .audience("microshop")
                        .subject(UUID.randomUUID().toString())
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
