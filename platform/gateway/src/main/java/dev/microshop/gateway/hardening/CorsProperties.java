package dev.microshop.gateway.hardening;

import static dev.microshop.platform.config.SettingChecks.required;

import java.util.List;

/**
 * Cross-origin requests ({@code microshop.gateway.cors}).
 *
 * @param allowedOrigins the web origins (the storefront's) whose pages may call the API from a browser
 */
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = List.copyOf(required("allowed-origins", allowedOrigins));
    }
}
