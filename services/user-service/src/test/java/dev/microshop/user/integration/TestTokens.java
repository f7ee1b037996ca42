package dev.microshop.user.integration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.microshop.user.domain.signingkey.SigningKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Access tokens made by hand, to show which ones the service refuses. */
final class TestTokens {

    private TestTokens() {}

    /** The claims a genuine token of {@code userId} has, valid from {@code issuedAt} for 15 minutes. */
    static JWTClaimsSet.Builder claims(String userId, Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer("microshop")
                .audience("microshop")
                .subject(userId)
                .claim("roles", List.of("CUSTOMER"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(900)));
    }

    static String signedWith(SigningKey key, JWTClaimsSet claims) {
        return signedWith(
                new RSAKey.Builder(key.publicKey())
                        .privateKey(key.privateKey())
                        .keyID(key.kid())
                        .build(),
                claims);
    }

    static String signedWith(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key the service has never seen, under the given key id. */
    static RSAKey strangerKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: claims without any signature. */
    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
