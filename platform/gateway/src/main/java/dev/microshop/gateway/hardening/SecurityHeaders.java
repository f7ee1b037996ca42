package dev.microshop.gateway.hardening;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
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
 * The storefront's page (an HTML answer outside /api) gets a policy of its own: scripts, styles, images and calls from
 * this origin only, nothing inline, no plugins, no framing (Swagger UI's page may also apply inline styles). Its files under /assets/ carry their content's hash in
 * their names, so browsers may keep them for a year; the page itself is checked again on every visit.
 * <p>
 * Strict-Transport-Security is sent on HTTPS requests only: browsers ignore it over plain HTTP, and where TLS ends
 * in front of the gateway, that proxy is the one to send it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders implements WebFilter {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** The API serves JSON only: nothing may frame it, sniff it into HTML or load anything from it. */
    static final Map<String, String> ON_EVERY_ANSWER = Map.of(
            "X-Content-Type-Options",
            "nosniff",
            "X-Frame-Options",
            "DENY",
            "Referrer-Policy",
            "no-referrer",
            CONTENT_SECURITY_POLICY,
            "default-src 'none'; frame-ancestors 'none'");

    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    /** Swagger UI sets inline styles (never inline scripts): its page alone may apply them. */
    static final String API_DOCS_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    static final String NO_STORE = "no-store";
    private static final String API_DOCS_UI = "/swagger-ui/";
    private static final String HASHED_FILES = "/assets/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            write(exchange.getRequest(), exchange.getResponse());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static void write(ServerHttpRequest request, ServerHttpResponse response) {
        HttpHeaders headers = response.getHeaders();
        ON_EVERY_ANSWER.forEach(headers::set);
        String path = request.getPath().pathWithinApplication().value();
        boolean storefront = !path.startsWith("/api/");
        if (storefront && MediaType.TEXT_HTML.isCompatibleWith(headers.getContentType())) {
            headers.set(CONTENT_SECURITY_POLICY, path.startsWith(API_DOCS_UI) ? API_DOCS_POLICY : PAGE_POLICY);
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
        } else if (storefront && path.startsWith(HASHED_FILES) && HttpStatus.OK.equals(response.getStatusCode())) {
            headers.set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        }
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
