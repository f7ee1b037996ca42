package dev.microshop.gateway;

import dev.microshop.platform.security.JwtSecurityProperties;
import dev.microshop.platform.security.MicroshopJwtValidators;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the access token of every request that is not on a public path, before routing: signature
 * against user-service's JWKS (found through discovery), expiry, issuer and audience. A missing or bad
 * token is answered here with a 401 problem; the services check the token again themselves.
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
            ProblemResponses problems) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
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
