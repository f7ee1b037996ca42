package dev.microshop.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.microshop.platform.http.RequestPattern;
import dev.microshop.platform.web.ServletWebAutoConfiguration;
import dev.microshop.platform.web.TraceIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.client.RestTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JWT resource server every servlet service switches on with {@code microshop.security.jwt.enabled}:
 * no trust in the network, each service checks signature, expiry, issuer and audience itself.
 */
@AutoConfiguration(after = ServletWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(JwtDecoder.class)
@ConditionalOnProperty(name = "microshop.security.jwt.enabled", havingValue = "true")
@EnableConfigurationProperties(JwtSecurityProperties.class)
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    @Bean
    ProblemDetailsSecurityHandler problemDetailsSecurityHandler(JsonMapper json, TraceIds traceIds) {
        return ProblemDetailsSecurityHandler.forAccessTokens(json, traceIds);
    }

    /** Every request but the management endpoints' (ManagementSecurityAutoConfiguration's chain comes first). */
    @Bean
    SecurityFilterChain microshopSecurityFilterChain(
            HttpSecurity http, JwtSecurityProperties properties, ProblemDetailsSecurityHandler problems) {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(
                                    PathPatternRequestMatcher.withDefaults().matcher("/error"))
                            .permitAll();
                    // The service's OpenAPI document describes it to anyone, as the gateway's Swagger UI shows it.
                    requests.requestMatchers(
                                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/v3/api-docs"))
                            .permitAll();
                    for (String publicPath : properties.publicPaths()) {
                        requests.requestMatchers(matcher(publicPath)).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Tokens are checked with the application's own keys when it has them (user-service), else with the published JWKS. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(
            JwtSecurityProperties properties,
            ObjectProvider<JWKSource<SecurityContext>> localKeys,
            ObjectProvider<RestTemplate> jwksClient) {
        JWKSource<SecurityContext> keys =
                localKeys.getIfAvailable(() -> PublishedKeys.from(properties.jwkSetUri(), jwksClient.getObject()));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(MicroshopJwtValidators.of(properties));
        return decoder;
    }

    /** Finds user-service through discovery; a JWKS request never holds a request thread longer than a few seconds. */
    @Bean
    @LoadBalanced
    @ConditionalOnMissingBean(name = "jwksClient")
    RestTemplate jwksClient() {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(PublishedKeys.CONNECT_TIMEOUT);
        timeouts.setReadTimeout(PublishedKeys.READ_TIMEOUT);
        return new RestTemplate(timeouts);
    }

    @Bean
    SecurityProblemsAdvice securityProblemsAdvice() {
        return new SecurityProblemsAdvice();
    }

    private static JwtAuthenticationConverter rolesConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    private static PathPatternRequestMatcher matcher(String publicPath) {
        RequestPattern pattern = RequestPattern.parse(publicPath);
        return PathPatternRequestMatcher.withDefaults()
                .matcher(pattern.method(), pattern.path().getPatternString());
    }
}
