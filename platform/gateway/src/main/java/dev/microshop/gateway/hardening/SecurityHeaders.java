package dev.microshop.gateway.hardening;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer, the services' and the gateway's own (401, 413, 429, 503, ...) alike, written
 * just before the answer is sent so that they replace whatever a service set. Spring Security's header writer is off:
 * it only covers requests that reach its filter chain.
 * <p>
 * Strict-Transport-Security is sent on HTTPS requests only: browsers ignore it over plain HTTP, and where TLS ends
 * in front of the gateway, that proxy is the one to send it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders implements WebFilter {

    /** The API serves JSON only: nothing may frame it, sniff it into HTML or load anything from it. */
    static final Map<String, String> ON_EVERY_ANSWER = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    static final String NO_STORE = "no-store";
    private static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            write(exchange.getRequest(), exchange.getResponse().getHeaders());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static void write(ServerHttpRequest request, HttpHeaders headers) {
        ON_EVERY_ANSWER.forEach(headers::set);
        // An answer to a request with a token is that user's: no cache may keep it. Anonymous answers keep a
        // service's own caching decision, and are not cached either when the service made none.
        if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
        if (request.getSslInfo() != null) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
