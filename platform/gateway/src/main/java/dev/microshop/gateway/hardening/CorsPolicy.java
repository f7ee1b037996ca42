package dev.microshop.gateway.hardening;

import dev.microshop.platform.config.LiveSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Which web pages may call the API from a browser: those of the configured origins. The gateway answers their
 * preflight requests itself and refuses (403) cross-origin requests from any other origin. Tokens travel in the
 * Authorization header, never in cookies, so credentials are not allowed.
 */
public class CorsPolicy implements CorsConfigurationSource {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    /** What a storefront page may read of an answer besides the simple headers. */
    private static final List<String> EXPOSED_HEADERS = List.of(
            "Location",
            "Retry-After",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "Idempotent-Replayed");

    private final LiveSettings<CorsProperties> settings;

    public CorsPolicy(LiveSettings<CorsProperties> settings) {
        this.settings = settings;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return null;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.current().allowedOrigins());
        cors.setAllowedMethods(METHODS);
        cors.addAllowedHeader(CorsConfiguration.ALL);
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        return cors;
    }
}
