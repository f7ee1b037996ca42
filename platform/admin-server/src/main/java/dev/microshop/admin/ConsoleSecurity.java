package dev.microshop.admin;

import de.codecentric.boot.admin.server.config.AdminServerProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Only the operator (the starter's operator account: microshop.management.operator.*) uses the console: a log-in form
 * for the browser, HTTP Basic for scripts. The UI's JavaScript sends the CSRF token from its cookie with every change
 * it makes (a log level, a refresh), so nothing another site makes the browser send can change anything.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** Named as the starter expects, so the open chain it gives processes without a log-in is left out. */
    @Bean
    SecurityFilterChain microshopSecurityFilterChain(
            HttpSecurity http, AdminServerProperties adminServer, InMemoryUserDetailsManager operatorAccount) {
        SavedRequestAwareAuthenticationSuccessHandler afterLogIn = new SavedRequestAwareAuthenticationSuccessHandler();
        afterLogIn.setTargetUrlParameter("redirectTo");
        afterLogIn.setDefaultTargetUrl(adminServer.path("/"));
        http.userDetailsService(operatorAccount)
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(adminServer.path("/assets/**"), adminServer.path("/login"))
                                .permitAll()
                                // The UI streams instance events; the stream's async dispatch carries no new log-in.
                                .dispatcherTypeMatchers(DispatcherType.ASYNC)
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .formLogin(login -> login.loginPage(adminServer.path("/login")).successHandler(afterLogIn))
                .logout(logout -> logout.logoutUrl(adminServer.path("/logout")))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()));
        return http.build();
    }
}
