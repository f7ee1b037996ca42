package dev.microshop.platform.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** What every microshop service and the gateway require of a token besides its RS256 signature. */
public final class MicroshopJwtValidators {

    private MicroshopJwtValidators() {}

    /** Expiry and not-before (with Spring's default 60 s clock skew), issuer and audience. */
    public static OAuth2TokenValidator<Jwt> of(JwtSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtAudienceValidator(properties.audience()));
    }
}
