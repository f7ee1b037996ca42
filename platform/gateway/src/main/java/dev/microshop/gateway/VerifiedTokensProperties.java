package dev.microshop.gateway;

import static dev.microshop.platform.config.SettingChecks.positive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many access tokens the gateway remembers as verified, and for how long ({@code microshop.gateway.verified-tokens});
 * read at start-up.
 *
 * @param maxSize    the most tokens kept; past it, the least useful are dropped, so that no number of distinct tokens
 *                   grows the heap
 * @param timeToLive how long after its check a token is answered from memory at most (never past its expiry); after
 *                   that, its signature is checked again
 */
@ConfigurationProperties("microshop.gateway.verified-tokens")
public record VerifiedTokensProperties(int maxSize, Duration timeToLive) {

    public VerifiedTokensProperties {
        positive("max-size", maxSize);
        positive("time-to-live", timeToLive);
    }
}
