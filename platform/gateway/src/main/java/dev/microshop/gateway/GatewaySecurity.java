package dev.microshop.gateway;

import dev.microshop.gateway.hardening.CorsPolicy;
import dev.microshop.gateway.ratelimit.RateLimits;
import dev.microshop.platform.security.JwtSecurityProperties;
import dev.microshop.platform.security.MicroshopJwtValidators;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the access token of every request that is not on a public path, before routing: signature
 * against user-service's JWKS (found through discovery), expiry, issuer and audience. A missing or bad
 * token is answered here with a 401 problem; the services check the token again themselves. The same
 * filter chain answers CORS preflights, applies the rate limits, and refuses non-normalized or encoded
 * paths ({@code /api/../actuator}, {@code %2e%2e}, {@code %00}) with a 400 problem before any routing.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(JwtSecurityProperties.class)
public class GatewaySecurity {

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, JwtSecurityProperties properties,
            ProblemResponses problems, CorsPolicy corsPolicy, RateLimits rateLimits) {
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
                    exchanges.pathMatchers("/actuator/**").permitAll();
                    for (String publicPath : properties.publicPaths()) {
                        exchanges.matchers(matcher(publicPath)).permitAll();
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, failure) -> problems.write(exchange,
                                HttpStatus.UNAUTHORIZED, "A valid access token is required: " + failure.getMessage()))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "Your role does not allow this request")))
                .build();
    }

    /** Spring Security's firewall turns hostile paths away with an empty 400; this makes it a problem like the rest. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST,
                "The request's path is not accepted: it is not normalized or holds encoded or forbidden characters");
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtSecurityProperties properties, WebClient.Builder jwksClient) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(jwksClient.build())
                .build();
        decoder.setJwtValidator(MicroshopJwtValidators.of(properties));
        return decoder;
    }

    /** Resolves {@code http://user-service/...} through discovery. */
    @Bean
    @LoadBalanced
    WebClient.Builder jwksClient() {
        return WebClient.builder();
    }

    private static ServerWebExchangeMatcher matcher(String publicPath) {
        String[] methodAndPath = publicPath.trim().split("\\s+", 2);
        return methodAndPath.length == 2
                ? new PathPatternParserServerWebExchangeMatcher(methodAndPath[1], HttpMethod.valueOf(methodAndPath[0]))
                : new PathPatternParserServerWebExchangeMatcher(methodAndPath[0]);
    }
}
