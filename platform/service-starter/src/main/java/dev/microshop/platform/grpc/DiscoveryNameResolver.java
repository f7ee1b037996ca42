package dev.microshop.platform.grpc;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.SynchronizationContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resolves one service name to the gRPC addresses of its registered instances: at start, whenever the
 * channel asks (a connection failed), and every refresh interval. No instance is an UNAVAILABLE error,
 * so calls fail fast instead of hanging, and the channel keeps asking.
 */
final class DiscoveryNameResolver extends NameResolver {

    private final String serviceId;
    private final DiscoveredInstances instances;
    private final SynchronizationContext synchronizationContext;
    private final ScheduledExecutorService scheduler;

    private Listener2 listener;
    private SynchronizationContext.ScheduledHandle nextRefresh;
    private List<InetSocketAddress> lastAddresses = List.of();

    DiscoveryNameResolver(
            String serviceId,
            DiscoveredInstances instances,
            SynchronizationContext synchronizationContext,
            ScheduledExecutorService scheduler) {
        this.serviceId = serviceId;
        this.instances = instances;
        this.synchronizationContext = synchronizationContext;
        this.scheduler = scheduler;
    }

    @Override
    public String getServiceAuthority() {
        return serviceId;
    }

    @Override
    public void start(Listener2 listener) {
        this.listener = listener;
        resolve();
    }

    @Override
    public void refresh() {
        resolve();
    }

    @Override
    public void shutdown() {
        if (nextRefresh != null) {
            nextRefresh.cancel();
        }
        listener = null;
    }

    /** Runs in the synchronization context; the discovery client answers from its local cache. */
    private void resolve() {
        if (listener == null) {
            return;
        }
        if (nextRefresh != null) {
            nextRefresh.cancel();
        }
        nextRefresh = synchronizationContext.schedule(
                this::resolve, instances.refreshInterval().toMillis(), TimeUnit.MILLISECONDS, scheduler);
        List<InetSocketAddress> addresses;
        try {
            addresses = instances.of(serviceId);
        } catch (RuntimeException failure) {
            report(Status.UNAVAILABLE
                    .withDescription("Discovery failed for " + serviceId)
                    .withCause(failure));
            return;
        }
        if (addresses.isEmpty()) {
            report(Status.UNAVAILABLE.withDescription("No instance of " + serviceId + " is registered for gRPC"));
        } else if (!addresses.equals(lastAddresses)) {
            lastAddresses = addresses;
            listener.onResult2(ResolutionResult.newBuilder()
                    .setAddressesOrError(StatusOr.fromValue(
                            addresses.stream().map(EquivalentAddressGroup::new).toList()))
                    .build());
        }
    }

    private void report(Status error) {
        lastAddresses = List.of();
        listener.onError(error);
    }
}
