package dev.microshop.user.interfaces.rest;

import io.micrometer.common.KeyValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Puts the caller's {@code user_id} on every log line of an authenticated request and on its trace span, so both
 * can be searched by user. Runs after the security filters.
 */
@Component
class UserLogContext extends OncePerRequestFilter {

    static final String USER_ID = "user_id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.addHighCardinalityKeyValue(KeyValue.of(USER_ID, token.getName())));
        try (var ignored = MDC.putCloseable(USER_ID, token.getName())) {
            chain.doFilter(request, response);
        }
    }
}
