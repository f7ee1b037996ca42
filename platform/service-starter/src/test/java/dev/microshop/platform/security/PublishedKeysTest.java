package dev.microshop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

class PublishedKeysTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private RSAKey published;
    private HttpServer jwks;
    private JwtDecoder decoder;

    @BeforeEach
    void publishOneKey() throws Exception {
        published = new RSAKeyGenerator(2048).keyID("published").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(published.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        String uri = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
        decoder = NimbusJwtDecoder.withJwkSource(PublishedKeys.from(uri, new RestTemplate()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void tokens_with_made_up_key_ids_do_not_make_every_check_a_jwks_request() throws Exception {
        assertThat(decoder.decode(token(published)).getSubject()).isEqualTo("someone");
        int afterFirstCheck = fetches.get();

        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        for (int attempt = 0; attempt < 50; attempt++) {
            String forged = token(
                    new RSAKey.Builder(stranger).keyID("made-up-" + attempt).build());
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        }

        System.out.printf(
                "[figure] JWKS requests: %d for the first check, %d for 50 made-up key ids%n",
                afterFirstCheck, fetches.get() - afterFirstCheck);
        assertThat(afterFirstCheck).isEqualTo(1);
        // Nimbus' rate limit lets at most two refetches through per interval.
        assertThat(fetches.get() - afterFirstCheck).isLessThanOrEqualTo(2);
        assertThat(decoder.decode(token(published)).getSubject())
                .as("the published key still works")
                .isEqualTo("someone");
    }

    private static String token(RSAKey key) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("someone")
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
