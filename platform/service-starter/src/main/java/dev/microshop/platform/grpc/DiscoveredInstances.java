package dev.microshop.platform.grpc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * The gRPC addresses of a service's instances as discovery knows them now: each instance's host and the port its
 * {@code grpc.port} metadata announces (the service starter publishes {@code spring.grpc.server.port} there in Eureka),
 * or in a Kubernetes cluster the port its Service names {@code grpc} (Spring Cloud Kubernetes' {@code port.grpc}).
 * Instances without gRPC are left out.
 *
 * @param refreshInterval how often a resolver asks again, so that new and departed instances are noticed
 */
record DiscoveredInstances(DiscoveryClient discovery, Duration refreshInterval) {

    static final String GRPC_PORT = "grpc.port";
    static final String KUBERNETES_GRPC_PORT = "port.grpc";

    List<InetSocketAddress> of(String serviceId) {
        return discovery.getInstances(serviceId).stream()
                .filter(instance -> grpcPort(instance) > 0)
                .map(instance -> new InetSocketAddress(instance.getHost(), grpcPort(instance)))
                .toList();
    }

    private static int grpcPort(ServiceInstance instance) {
        String published = instance.getMetadata()
                .getOrDefault(GRPC_PORT, instance.getMetadata().get(KUBERNETES_GRPC_PORT));
        try {
            return published == null ? 0 : Integer.parseInt(published.trim());
        } catch (NumberFormatException notAPort) {
            return 0;
        }
    }
}
