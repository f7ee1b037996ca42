package dev.microshop.user.interfaces.rest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.microshop.user.application.signingkey.GetVerificationKeys;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys of every token that may still be valid (RFC 7517), for the gateway and the other services.
 * Read from the database on each call, so a key rotated in by any instance is published at once.
 */
@RestController
class JwksController {

    private final GetVerificationKeys verificationKeys;

    JwksController(GetVerificationKeys verificationKeys) {
        this.verificationKeys = verificationKeys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return new JWKSet(verificationKeys.list().stream()
                        .<JWK>map(key -> new RSAKey.Builder(key.publicKey())
                                .keyID(key.kid())
                                .keyUse(KeyUse.SIGNATURE)
                                .algorithm(JWSAlgorithm.RS256)
                                .build())
                        .toList())
                .toJSONObject(true);
    }
}
