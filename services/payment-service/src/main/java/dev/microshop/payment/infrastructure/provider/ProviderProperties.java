package dev.microshop.payment.infrastructure.provider;

import static dev.microshop.platform.config.SettingChecks.positive;
import static dev.microshop.platform.config.SettingChecks.required;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the payment provider is ({@code microshop.payments.provider.*}); read at start-up, when the HTTP client is
 * built. Its timeout, retry and circuit breaker are {@code resilience4j.*.instances.payment-provider}.
 *
 * @param baseUrl        the provider's address; it is outside microshop, so not found through discovery
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    a backstop that frees the connection of a call the time limiter already gave up on
 */
@ConfigurationProperties("microshop.payments.provider")
public record ProviderProperties(String baseUrl, Duration connectTimeout, Duration readTimeout) {

    public ProviderProperties {
        required("base-url", baseUrl);
        positive("connect-timeout", connectTimeout);
        positive("read-timeout", readTimeout);
    }
}
