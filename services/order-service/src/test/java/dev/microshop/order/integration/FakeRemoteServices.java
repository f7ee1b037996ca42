package dev.microshop.order.integration;

import dev.microshop.contracts.inventory.v1.GetProductsRequest;
import dev.microshop.contracts.inventory.v1.GetProductsResponse;
import dev.microshop.contracts.inventory.v1.InventoryServiceGrpc;
import dev.microshop.contracts.inventory.v1.Money;
import dev.microshop.contracts.inventory.v1.Product;
import dev.microshop.contracts.user.v1.GetUserRequest;
import dev.microshop.contracts.user.v1.User;
import dev.microshop.contracts.user.v1.UserServiceGrpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Stand-ins for user-service and inventory-service: one real gRPC server on a loopback port, registered in the
 * test context's discovery (Spring Cloud's simple discovery client) under both service names with its
 * {@code grpc.port} metadata, as Eureka would list them. Tests tell it which users and products exist, and can make
 * a service fail or answer slowly.
 */
final class FakeRemoteServices {

    static final FakeRemoteServices INSTANCE = start();

    final FakeUsers users = new FakeUsers();
    final FakeInventory inventory = new FakeInventory();
    private final Server server;

    private FakeRemoteServices() {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(users, users.calls))
                .addService(ServerInterceptors.intercept(inventory, inventory.calls))
                .build();
    }

    private static FakeRemoteServices start() {
        FakeRemoteServices fakes = new FakeRemoteServices();
        try {
            fakes.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fakes.server::shutdownNow));
        return fakes;
    }

    int port() {
        return server.getPort();
    }

    void reset() {
        users.calls.reset();
        inventory.calls.reset();
    }

    /** What a fake service saw and how it should behave: the authorization of the last call, failure, slowness. */
    static final class Calls implements ServerInterceptor {

        private static final Metadata.Key<String> AUTHORIZATION =
                Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

        volatile String lastAuthorization;
        volatile Status failure;
        volatile Duration delay = Duration.ZERO;

        void reset() {
            lastAuthorization = null;
            failure = null;
            delay = Duration.ZERO;
        }

        @Override
        public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(
                io.grpc.ServerCall<Q, R> call, Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
            lastAuthorization = headers.get(AUTHORIZATION);
            return next.startCall(call, headers);
        }

        /** True if the call was answered with the configured failure. */
        boolean behave(StreamObserver<?> response) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                response.onError(failure.asRuntimeException());
                return true;
            }
            return false;
        }
    }

    static final class FakeUsers extends UserServiceGrpc.UserServiceImplBase {

        final Calls calls = new Calls();
        private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

        String register() {
            String id = UUID.randomUUID().toString();
            registered.put(id, true);
            return id;
        }

        @Override
        public void getUser(GetUserRequest request, StreamObserver<User> response) {
            if (calls.behave(response)) {
                return;
            }
            if (!registered.containsKey(request.getUserId())) {
                response.onError(Status.NOT_FOUND
                        .withDescription("No user with id " + request.getUserId())
                        .asRuntimeException());
                return;
            }
            response.onNext(User.newBuilder()
                    .setId(request.getUserId())
                    .setEmail(request.getUserId() + "@example.com")
                    .setName("Shopper")
                    .addRoles("CUSTOMER")
                    .build());
            response.onCompleted();
        }
    }

    static final class FakeInventory extends InventoryServiceGrpc.InventoryServiceImplBase {

        final Calls calls = new Calls();
        private final Map<String, Product> products = new ConcurrentHashMap<>();

        String add(String price, String currency) {
            String id = UUID.randomUUID().toString();
            products.put(
                    id,
                    Product.newBuilder()
                            .setId(id)
                            .setSku("SKU-" + id.substring(0, 8))
                            .setName("Product " + id)
                            .setPrice(Money.newBuilder().setAmount(price).setCurrency(currency))
                            .setAvailableStock(10)
                            .build());
            return id;
        }

        @Override
        public void getProducts(GetProductsRequest request, StreamObserver<GetProductsResponse> response) {
            if (calls.behave(response)) {
                return;
            }
            List<String> unknown = request.getProductIdsList().stream()
                    .filter(id -> !products.containsKey(id))
                    .toList();
            if (!unknown.isEmpty()) {
                response.onError(Status.NOT_FOUND
                        .withDescription("No product with id " + String.join(", ", unknown))
                        .asRuntimeException());
                return;
            }
            response.onNext(GetProductsResponse.newBuilder()
                    .addAllProducts(request.getProductIdsList().stream()
                            .distinct()
                            .map(products::get)
                            .toList())
                    .build());
            response.onCompleted();
        }
    }

    /** Lists the fakes in discovery before the context starts, so the service's channels find them. */
    static final class Discovery implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String port = String.valueOf(INSTANCE.port());
            String instances = "spring.cloud.discovery.client.simple.instances.";
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "fake-remote-services",
                            Map.of(
                                    instances + "user-service[0].uri",
                                    "http://127.0.0.1:1",
                                    instances + "user-service[0].metadata[grpc.port]",
                                    port,
                                    instances + "inventory-service[0].uri",
                                    "http://127.0.0.1:1",
                                    instances + "inventory-service[0].metadata[grpc.port]",
                                    port)));
        }
    }
}
