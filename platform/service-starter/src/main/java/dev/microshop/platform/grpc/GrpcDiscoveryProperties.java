package dev.microshop.platform.grpc;

import static dev.microshop.platform.config.SettingChecks.positive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@code discovery:///<service>} gRPC targets are resolved.
 *
 * @param refreshInterval how often a channel asks discovery again for the service's instances (microshop-defaults.properties)
 */
@ConfigurationProperties("microshop.grpc.discovery")
public record GrpcDiscoveryProperties(Duration refreshInterval) {

    public GrpcDiscoveryProperties {
        positive("refresh-interval", refreshInterval);
    }
}
