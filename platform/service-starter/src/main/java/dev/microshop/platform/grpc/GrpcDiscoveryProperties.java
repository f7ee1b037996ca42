package dev.microshop.platform.grpc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@code discovery:///<service>} gRPC targets are resolved.
 *
 * @param refreshInterval how often a channel asks discovery again for the service's instances (default 5 s)
 */
@ConfigurationProperties("microshop.grpc.discovery")
public record GrpcDiscoveryProperties(Duration refreshInterval) {

    public GrpcDiscoveryProperties {
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(5) : refreshInterval;
    }
}
