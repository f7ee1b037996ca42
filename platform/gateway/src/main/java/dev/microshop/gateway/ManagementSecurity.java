package dev.microshop.gateway;

import dev.microshop.platform.management.OperatorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may call the actuator. Health (summary, liveness, readiness), info and prometheus answer anyone who reaches the
 * management port (loopback only); every other endpoint (refresh, busrefresh, loggers, env, ...) needs HTTP Basic as
 * the operator, {@code operator} with {@code microshop.management.operator.password}; without a password, nobody.
 * Health details are shown to the operator only (the starter's {@code management.endpoint.health.roles}).
 * <p>
 * With a management port of its own, the actuator runs in a child context whose web handler takes the WebFilters of
 * this context too, so this chain guards it, for every request that came in on the management port. With one port
 * (tests on a random port) it guards the actuator endpoints of the main port.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
class ManagementSecurity {

    private static final Logger log = LoggerFactory.getLogger(ManagementSecurity.class);

    @Bean
    @Order(1)
    SecurityWebFilterChain managementSecurityFilterChain(
            ServerHttpSecurity http, ProblemResponses problems, OperatorProperties operator) {
        ServerAuthenticationEntryPoint operatorRequired = (exchange, failure) -> {
            exchange.getResponse()
                    .getHeaders()
                    .set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"microshop management\"");
            return problems.write(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    "This management endpoint answers only to the operator (HTTP Basic)");
        };
        return http.securityMatcher(new OrServerWebExchangeMatcher(
                        EndpointRequest.toAnyEndpoint(), ManagementSecurity::onManagementPort))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authenticationManager(operatorAccount(operator))
                .httpBasic(basic -> basic.authenticationEntryPoint(operatorRequired))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(operatorRequired)
                        .accessDeniedHandler((exchange, denied) -> problems.write(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "This management endpoint answers only to the operator")))
                .authorizeExchange(exchanges -> {
                    exchanges
                            .matchers(EndpointRequest.to("health", "info", "prometheus"))
                            .permitAll();
                    exchanges.anyExchange().hasRole(OperatorProperties.ROLE);
                })
                .build();
    }

    /** Every request on the management port, also for an endpoint that does not exist: none is told which exist. */
    private static Mono<MatchResult> onManagementPort(ServerWebExchange exchange) {
        return WebServerNamespace.from(exchange.getApplicationContext()).equals(WebServerNamespace.MANAGEMENT)
                ? MatchResult.match()
                : MatchResult.notMatch();
    }

    private static ReactiveAuthenticationManager operatorAccount(OperatorProperties operator) {
        if (!operator.enabled()) {
            log.warn("No operator password (microshop.management.operator.password): the management endpoints"
                    + " that need it refuse every request");
            return refused -> Mono.error(new BadCredentialsException("No operator password is configured"));
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new UserDetailsRepositoryReactiveAuthenticationManager(
                new MapReactiveUserDetailsService(User.withUsername(operator.username())
                        .password(encoder.encode(operator.password()))
                        .roles(OperatorProperties.ROLE)
                        .build()));
    }
}
