package dev.microshop.systemtests;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Access tokens a careless or hostile client could present, built the way an attacker would. */
final class Tokens {

    /** A signing key: its id and private half. */
    record SigningKey(String kid, RSAPrivateKey privateKey) {}

    private static final String USER_SERVICE_JWKS = "http://127.0.0.1:8101/.well-known/jwks.json";

    private Tokens() {}

    /** user-service's active key, read from its database as only an insider could. */
    static SigningKey activeKey() throws Exception {
        try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:54320/user_service", "user_service", "user_service");
                ResultSet row = db.createStatement()
                        .executeQuery("SELECT kid, private_key FROM signing_keys WHERE retired_at IS NULL")) {
            row.next();
            RSAPrivateKey key = (RSAPrivateKey)
                    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(row.getBytes("private_key")));
            return new SigningKey(row.getString("kid"), key);
        }
    }

    static SigningKey strangerKey(String claimedKid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return new SigningKey(
                claimedKid, (RSAPrivateKey) generator.generateKeyPair().getPrivate());
    }

    static JWTClaimsSet claims(String userId, Instant issuedAt, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer("microshop")
                .audience("microshop")
                .subject(userId)
                .claim("roles", List.of("CUSTOMER"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    static String signed(SigningKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.kid())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key.privateKey()));
        return jwt.serialize();
    }

    /** The public half of a key user-service publishes in its JWKS, as anyone can read it. */
    static RSAPublicKey publishedKey(String kid) throws Exception {
        HttpResponse<String> jwks = Microshop.get(USER_SERVICE_JWKS, Map.of());
        return JWKSet.parse(jwks.body()).getKeyByKeyId(kid).toRSAKey().toRSAPublicKey();
    }

    /**
     * Algorithm confusion: an HS256 token whose HMAC secret is the RSA public key (PEM text), which a verifier that
     * takes the algorithm from the token would accept with the key it looks up by {@code kid}.
     */
    static String hmacSignedWithPublicKey(String kid, RSAPublicKey publicKey, JWTClaimsSet claims) throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(kid)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new MACSigner(pem.getBytes()));
        return jwt.serialize();
    }

    /** A genuine token whose payload was rewritten after signing (new roles), its signature kept. */
    static String withRolesChangedAfterSigning(String token, List<String> roles) throws Exception {
        SignedJWT genuine = SignedJWT.parse(token);
        JWTClaimsSet tampered = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
                .claim("roles", roles)
                .build();
        Base64URL[] parts = genuine.getParsedParts();
        return parts[0] + "." + Base64URL.encode(tampered.toString()) + "." + parts[2];
    }

    /** An unsigned token: header {"alg":"none"}, valid-looking claims, empty signature. */
    static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "."
                + base64.encodeToString(claims.toString().getBytes()) + ".";
    }
}
