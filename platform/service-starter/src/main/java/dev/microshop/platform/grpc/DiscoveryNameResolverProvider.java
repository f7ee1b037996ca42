package dev.microshop.platform.grpc;

import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;

/**
 * The {@code discovery} scheme of gRPC targets: {@code discovery:///inventory-service} names a service, and
 * its instances come from Spring Cloud's {@code DiscoveryClient} (Eureka locally), each at the port its
 * {@code grpc.port} metadata announces. The discovery client reaches the resolver as a channel argument
 * ({@link GrpcDiscoveryAutoConfiguration} sets it on every channel Spring gRPC builds).
 */
public final class DiscoveryNameResolverProvider extends NameResolverProvider {

    public static final String SCHEME = "discovery";

    static final NameResolver.Args.Key<DiscoveredInstances> INSTANCES =
            NameResolver.Args.Key.create("microshop-discovery");

    private static final DiscoveryNameResolverProvider INSTANCE = new DiscoveryNameResolverProvider();
    private static boolean registered;

    /** gRPC looks providers up in its default registry when a channel is built; once per JVM is enough. */
    static synchronized void registerOnce() {
        if (!registered) {
            NameResolverRegistry.getDefaultRegistry().register(INSTANCE);
            registered = true;
        }
    }

    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
        if (!SCHEME.equals(target.getScheme())) {
            return null;
        }
        String serviceId = target.getPath() == null ? "" : target.getPath().replaceFirst("^/", "");
        if (serviceId.isEmpty()) {
            throw new IllegalArgumentException(
                    "A discovery target names a service: discovery:///<service-name>, not " + target);
        }
        DiscoveredInstances instances = args.getArg(INSTANCES);
        if (instances == null) {
            throw new IllegalStateException("Channel to " + target + " was not built by Spring gRPC with the microshop "
                    + "service starter, so it has no discovery client");
        }
        return new DiscoveryNameResolver(
                serviceId, instances, args.getSynchronizationContext(), args.getScheduledExecutorService());
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 5;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }
}
