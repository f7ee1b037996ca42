package dev.microshop.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks the access tokens user-service issues.
 *
 * @param enabled     switches the JWT resource server on
 * @param issuer      the required {@code iss} claim
 * @param audience    the required {@code aud} entry
 * @param jwkSetUri   where the public keys are, resolved through discovery ({@code http://<service-name>/...})
 * @param publicPaths requests that need no token, as {@link dev.microshop.platform.http.RequestPattern}s
 *                    ({@code "POST /api/users"}, {@code "/api/**"})
 */
@ConfigurationProperties("microshop.security.jwt")
public record JwtSecurityProperties(
        boolean enabled, String issuer, String audience, String jwkSetUri, List<String> publicPaths) {

    public JwtSecurityProperties {
        issuer = issuer == null ? "microshop" : issuer;
        audience = audience == null ? "microshop" : audience;
        jwkSetUri = jwkSetUri == null ? "http://user-service/.well-known/jwks.json" : jwkSetUri;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
