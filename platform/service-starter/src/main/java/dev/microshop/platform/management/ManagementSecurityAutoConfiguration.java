package dev.microshop.platform.management;

import dev.microshop.platform.audit.ManagementOperationAudit;
import dev.microshop.platform.security.ProblemDetailsSecurityHandler;
import dev.microshop.platform.web.ServletWebAutoConfiguration;
import dev.microshop.platform.web.TraceIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the actuator of every servlet process: health, info and the Prometheus scrape answer anyone who can reach
 * the management port (loopback); everything else needs the operator's HTTP Basic credentials. The management
 * port itself (main port + 10000) comes from {@code ManagementPort}.
 */
@AutoConfiguration(after = ServletWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
@EnableConfigurationProperties({OperatorProperties.class, PlatformServerProperties.class})
public class ManagementSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ManagementSecurityAutoConfiguration.class);

    /** The only account: the operator, or none when no password is configured. */
    @Bean
    InMemoryUserDetailsManager operatorAccount(OperatorProperties operator) {
        if (!operator.enabled()) {
            log.warn("No operator password (microshop.management.operator.password): the management endpoints"
                    + " that need it refuse every request");
            return new InMemoryUserDetailsManager();
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        UserDetails account = User.withUsername(operator.username())
                .password(encoder.encode(operator.password()))
                .roles(OperatorProperties.ROLE)
                .build();
        return new InMemoryUserDetailsManager(account);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain managementSecurityFilterChain(
            HttpSecurity http,
            JsonMapper json,
            TraceIds traceIds,
            InMemoryUserDetailsManager operatorAccount,
            ApplicationEventPublisher events) {
        ProblemDetailsSecurityHandler problems = ProblemDetailsSecurityHandler.forOperator(json, traceIds);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .userDetailsService(operatorAccount)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
                                .permitAll()
                                .anyRequest()
                                .hasRole(OperatorProperties.ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterAfter(new ManagementOperationAudit(events), AuthorizationFilter.class)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Processes that check no access tokens (the registry, the config server, the payment provider) serve their own
     * API to anyone on loopback, as before security was on their class path; a platform server with a password
     * (PlatformServerProperties, required by its prod profile) only to the platform's processes and the operator, and
     * what reveals or makes secrets (the config server's /encrypt and /decrypt) to the operator alone.
     */
    @Bean
    @ConditionalOnProperty(name = "microshop.security.jwt.enabled", havingValue = "false", matchIfMissing = true)
    @ConditionalOnMissingBean(name = "microshopSecurityFilterChain")
    SecurityFilterChain openApiSecurityFilterChain(
            HttpSecurity http,
            PlatformServerProperties platform,
            OperatorProperties operator,
            InMemoryUserDetailsManager operatorAccount,
            JsonMapper json,
            TraceIds traceIds) {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!platform.enabled()) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
            return http.build();
        }
        InMemoryUserDetailsManager accounts =
                new InMemoryUserDetailsManager(User.withUsername(PlatformServerProperties.USERNAME)
                        .password(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(platform.serverPassword()))
                        .roles(PlatformServerProperties.ROLE)
                        .build());
        if (operatorAccount.userExists(operator.username())) {
            accounts.createUser(operatorAccount.loadUserByUsername(operator.username()));
        }
        ProblemDetailsSecurityHandler problems = ProblemDetailsSecurityHandler.forPlatform(json, traceIds);
        http.userDetailsService(accounts)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/encrypt/**", "/decrypt/**")
                        .hasRole(OperatorProperties.ROLE)
                        .anyRequest()
                        .hasAnyRole(PlatformServerProperties.ROLE, OperatorProperties.ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
