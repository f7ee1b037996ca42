package dev.microshop.gateway;

import static dev.microshop.platform.config.SettingChecks.positive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway fetches user-service's public keys ({@code microshop.gateway.jwks}); read at start-up.
 *
 * @param refetchInterval how long after a fetch a token with an unknown key id may fetch the keys again
 * @param connectTimeout  how long a fetch waits for a connection to user-service
 * @param responseTimeout how long a fetch waits for user-service's answer
 */
@ConfigurationProperties("microshop.gateway.jwks")
public record JwksProperties(Duration refetchInterval, Duration connectTimeout, Duration responseTimeout) {

    public JwksProperties {
        positive("refetch-interval", refetchInterval);
        positive("connect-timeout", connectTimeout);
        positive("response-timeout", responseTimeout);
    }
}
