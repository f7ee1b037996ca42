package dev.microshop.payment.infrastructure.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the payment provider is. Its timeout, retry and circuit breaker are
 * {@code resilience4j.*.instances.payment-provider}.
 *
 * @param baseUrl        the provider's address; it is outside microshop, so not found through discovery
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    a backstop that frees the connection of a call the time limiter already gave up on
 */
@ConfigurationProperties("microshop.payments.provider")
public record ProviderProperties(String baseUrl, Duration connectTimeout, Duration readTimeout) {

    public ProviderProperties {
        baseUrl = baseUrl == null ? "http://127.0.0.1:8190" : baseUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
}
