package dev.microshop.gateway.hardening;

import java.util.List;

/**
 * Cross-origin requests ({@code microshop.gateway.cors}).
 *
 * @param allowedOrigins the web origins (the storefront's) whose pages may call the API from a browser
 */
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of("http://localhost:3000") : List.copyOf(allowedOrigins);
    }
}
