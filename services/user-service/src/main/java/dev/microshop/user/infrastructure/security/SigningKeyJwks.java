package dev.microshop.user.infrastructure.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.microshop.user.domain.signingkey.SigningKey;

/** Signing keys as Nimbus JWKs: RS256 signature keys named by their {@code kid}. */
final class SigningKeyJwks {

    private SigningKeyJwks() {}

    /** With the private half when the key has one, for signing. */
    static RSAKey toJwk(SigningKey key) {
        RSAKey.Builder jwk = new RSAKey.Builder(key.publicKey())
                .keyID(key.kid())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256);
        if (key.privateKey() != null) {
            jwk.privateKey(key.privateKey());
        }
        return jwk.build();
    }
}
