package dev.microshop.platform.logging;

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
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Puts the caller's {@code user_id} on every log line of an authenticated request and on its span, so both can be
 * searched by user. A filter bean without an order runs after Spring Security's filters, which check the token.
 */
class UserLogContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = userId(SecurityContextHolder.getContext().getAuthentication());
        if (userId == null) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(span -> span.addHighCardinalityKeyValue(KeyValue.of(LogContext.USER_ID, userId)));
        try (var ignored = MDC.putCloseable(LogContext.USER_ID, userId)) {
            chain.doFilter(request, response);
        }
    }

    /** The subject of a checked access token; {@code null} for anyone else (anonymous, an operator). */
    static String userId(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token ? token.getName() : null;
    }
}
