package dev.microshop.gateway;

import dev.microshop.gateway.hardening.CorsPolicy;
import dev.microshop.gateway.ratelimit.RateLimits;
import dev.microshop.platform.http.RequestPattern;
import dev.microshop.platform.security.JwtSecurityProperties;
import dev.microshop.platform.security.MicroshopJwtValidators;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the access token of every request that is not on a public path, before routing: signature against
 * user-service's JWKS (found through discovery), expiry, issuer and audience; a token that passed is remembered for a
 * while ({@link CachingJwtDecoder}), so that its signature is checked once, not on every request. A missing or bad
 * token is answered here with a 401 problem, a refused one only after it was counted against the client's address
 * by the rate limits; the services check the token again themselves. The same filter chain answers CORS
 * preflights, applies the rate limits, and refuses non-normalized or encoded paths ({@code /api/../actuator},
 * {@code %2e%2e}, {@code %00}) with a 400 problem before any routing. The actuator has a chain of its own
 * ({@link ManagementSecurity}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({JwtSecurityProperties.class, JwksProperties.class, VerifiedTokensProperties.class})
public class GatewaySecurity {

    /** How soon a client may try again when user-service's keys could not be fetched. */
    private static final String RETRY_AFTER_KEYS_UNAVAILABLE = "2";

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain gatewaySecurityFilterChain(
            ServerHttpSecurity http,
            JwtSecurityProperties properties,
            ProblemResponses problems,
            CorsPolicy corsPolicy,
            RateLimits rateLimits) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                // SecurityHeaders writes them on every answer, also on those given before this chain runs.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .cors(cors -> cors.configurationSource(corsPolicy))
                // After authentication, so a valid token's subject is known; before authorization, so that
                // anonymous calls to protected paths are limited too.
                .addFilterAfter(rateLimits::filter, SecurityWebFiltersOrder.AUTHENTICATION)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> {
                    // The actuator is served on the management port (ManagementSecurity); here such a path finds
                    // nothing and gets 404, whatever the token, and no route leads it to a service.
                    exchanges.pathMatchers("/actuator", "/actuator/**").permitAll();
                    for (String publicPath : properties.publicPaths()) {
                        exchanges.matchers(matcher(publicPath)).permitAll();
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> {})
                        .authenticationFailureHandler(refusedTokens(problems, rateLimits))
                        .authenticationEntryPoint((exchange, failure) -> problems.write(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "A valid access token is required: " + failure.getMessage()))
                        .accessDeniedHandler((exchange, denied) -> problems.write(
                                exchange, HttpStatus.FORBIDDEN, "Your role does not allow this request")))
                .build();
    }

    /**
     * A token authentication refused: 401 once counted against the client's address (429 over its limit). When the
     * keys to check it could not be fetched, the token is not at fault: 503, and not counted.
     */
    private static ServerAuthenticationFailureHandler refusedTokens(ProblemResponses problems, RateLimits rateLimits) {
        return (filterExchange, failure) -> {
            var exchange = filterExchange.getExchange();
            if (failure instanceof AuthenticationServiceException) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_KEYS_UNAVAILABLE);
                return problems.write(
                        exchange,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Access tokens cannot be checked right now; try again shortly");
            }
            return rateLimits.tokenRefused(
                    exchange,
                    Mono.defer(() -> problems.write(
                            exchange,
                            HttpStatus.UNAUTHORIZED,
                            "A valid access token is required: " + failure.getMessage())));
        };
    }

    /** Spring Security's firewall turns hostile paths away with an empty 400; this makes it a problem like the rest. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                "The request's path is not accepted: it is not normalized or holds encoded or forbidden characters");
    }

    @Bean
    SigningKeys signingKeys(JwtSecurityProperties properties, JwksProperties jwks, WebClient.Builder jwksClient) {
        return new SigningKeys(jwksClient, properties.jwkSetUri(), jwks);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(
            JwtSecurityProperties properties, SigningKeys keys, VerifiedTokensProperties verifiedTokens, Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(MicroshopJwtValidators.of(properties));
        // Spring reports keys that could not be fetched as an IllegalStateException, which would end as a 500; as a
        // JwtException it reaches the failure handler as an AuthenticationServiceException instead.
        ReactiveJwtDecoder verifier = token -> decoder.decode(token)
                .onErrorMap(
                        IllegalStateException.class,
                        unavailable -> new JwtException("The signing keys could not be fetched", unavailable));
        return new CachingJwtDecoder(verifier, keys::keySetVersion, clock, verifiedTokens);
    }

    /** Resolves {@code http://user-service/...} through discovery. */
    @Bean
    @LoadBalanced
    WebClient.Builder jwksClient() {
        return WebClient.builder();
    }

    private static ServerWebExchangeMatcher matcher(String publicPath) {
        RequestPattern pattern = RequestPattern.parse(publicPath);
        return new PathPatternParserServerWebExchangeMatcher(pattern.path().getPatternString(), pattern.method());
    }
}
