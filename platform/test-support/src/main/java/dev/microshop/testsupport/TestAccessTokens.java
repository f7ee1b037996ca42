package dev.microshop.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Access tokens as user-service issues them (RS256, issuer and audience {@code microshop}, 15 minutes), signed with
 * a key only the tests have. Import {@link TrustedKey} so the service under test trusts that key instead of
 * fetching user-service's JWKS.
 */
public final class TestAccessTokens {

    private static final RSAKey KEY = generateKey();

    private TestAccessTokens() {}

    /** A token whose subject is {@code userId}, with exactly the given roles. */
    public static String forUser(String userId, String... roles) {
        return forUser(userId, Duration.ofMinutes(15), roles);
    }

    /** A token as {@link #forUser(String, String...)}, valid for {@code lifetime} from now. */
    public static String forUser(String userId, Duration lifetime, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("microshop")
                .audience("microshop")
                .subject(userId)
                .claim("roles", List.of(roles))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(KEY.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of a new customer. */
    public static String customer() {
        return forUser(UUID.randomUUID().toString(), "CUSTOMER");
    }

    /** A token of a new administrator, who is a customer too, as user-service's administrators are. */
    public static String admin() {
        return forUser(UUID.randomUUID().toString(), "CUSTOMER", "ADMIN");
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of the tests' key, where the service starter looks for a service's own keys. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class TrustedKey {

        @Bean
        JWKSource<SecurityContext> testAccessTokenKey() {
            return new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK()));
        }
    }
}
