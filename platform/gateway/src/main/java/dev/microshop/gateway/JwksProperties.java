package dev.microshop.gateway;

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
        requirePositive("refetch-interval", refetchInterval);
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("response-timeout", responseTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("microshop.gateway.jwks." + name + " must be a positive duration, not "
                    + value);
        }
    }
}
