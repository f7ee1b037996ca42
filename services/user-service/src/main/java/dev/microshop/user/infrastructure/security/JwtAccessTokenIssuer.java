package dev.microshop.user.infrastructure.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.microshop.platform.security.JwtSecurityProperties;
import dev.microshop.user.application.port.AccessToken;
import dev.microshop.user.application.port.AccessTokenIssuer;
import dev.microshop.user.domain.signingkey.SigningKey;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs RS256 access tokens with the active key, read from the database each time so that a rotation made by any
 * instance takes effect at once. Issuer and audience are the ones every service's validation requires.
 */
@Component
class JwtAccessTokenIssuer implements AccessTokenIssuer {

    private final SigningKeyRepository keys;
    private final JwtSecurityProperties jwt;

    JwtAccessTokenIssuer(SigningKeyRepository keys, JwtSecurityProperties jwt) {
        this.keys = keys;
        this.jwt = jwt;
    }

    @Override
    public AccessToken issue(User user, Instant now, Duration lifetime) {
        SigningKey key = keys.findActive().orElseThrow(() -> new IllegalStateException("no active signing key"));
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .audience(List.of(jwt.audience()))
                .subject(user.id().toString())
                .claim("roles", user.roles().stream().map(Role::name).sorted().toList())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expiresAt)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(key.kid())
                .type("JWT")
                .build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(SigningKeyJwks.toJwk(key))));
        return new AccessToken(
                encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), expiresAt);
    }
}
