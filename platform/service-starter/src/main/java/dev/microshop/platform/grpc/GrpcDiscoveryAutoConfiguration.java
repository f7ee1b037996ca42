package dev.microshop.platform.grpc;

import io.grpc.ManagedChannelBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.client.GrpcChannelBuilderCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * gRPC clients of a service find their servers through discovery ({@code discovery:///<service-name>}
 * targets, round-robin over the instances with Spring gRPC's default policy) and carry the caller's token.
 */
@AutoConfiguration
@ConditionalOnClass({GrpcChannelBuilderCustomizer.class, DiscoveryClient.class})
@EnableConfigurationProperties(GrpcDiscoveryProperties.class)
public class GrpcDiscoveryAutoConfiguration {

    @Bean
    <T extends ManagedChannelBuilder<T>> GrpcChannelBuilderCustomizer<T> discoveryChannelCustomizer(
            ObjectProvider<DiscoveryClient> discovery, GrpcDiscoveryProperties properties) {
        DiscoveryNameResolverProvider.registerOnce();
        return (target, builder) -> builder.setNameResolverArg(
                DiscoveryNameResolverProvider.INSTANCES,
                new DiscoveredInstances(discovery.getObject(), properties.refreshInterval()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractOAuth2TokenAuthenticationToken.class)
    static class TokenForwardingConfiguration {

        @Bean
        @GlobalClientInterceptor
        CallerTokenForwarding callerTokenForwarding() {
            return new CallerTokenForwarding();
        }
    }
}
