package dev.microshop.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** {@code discovery:///<service>} channels against real loopback gRPC servers and a discovery client the test controls. */
class DiscoveryNameResolverTest {

    private static final Duration REFRESH = Duration.ofMillis(200);
    private static final Context.Key<String> AUTHORIZATION = Context.key("authorization");
    private static final MethodDescriptor<String, String> WHO = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("test.Echo/Who")
            .setRequestMarshaller(new Text())
            .setResponseMarshaller(new Text())
            .build();

    private final Registry discovery = new Registry();
    private final List<Server> servers = new ArrayList<>();
    private ManagedChannel channel;

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        servers.forEach(Server::shutdownNow);
        SecurityContextHolder.clearContext();
    }

    @Test
    void calls_go_round_robin_over_the_registered_instances_at_their_grpc_port() throws IOException {
        discovery.register("echo", startServer("a"));
        discovery.register("echo", startServer("b"));

        // Round robin takes turns among connected instances; the second connection may need a few calls more.
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50 && seen.size() < 2; i++) {
            seen.add(call());
        }
        List<String> answers = List.of(call(), call(), call(), call());

        assertThat(seen).containsExactlyInAnyOrder("a", "b");
        assertThat(answers).containsOnly("a", "b").filteredOn("a"::equals).hasSize(2);
    }

    @Test
    void an_instance_that_registers_later_is_used_after_the_refresh_interval() throws Exception {
        discovery.register("echo", startServer("a"));
        assertThat(call()).isEqualTo("a");

        discovery.register("echo", startServer("b"));
        Thread.sleep(REFRESH.multipliedBy(3));

        assertThat(List.of(call(), call())).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void in_kubernetes_the_port_its_service_names_grpc_is_used() throws IOException {
        discovery.register("echo", startServer("a"), DiscoveredInstances.KUBERNETES_GRPC_PORT);

        assertThat(call()).isEqualTo("a");
    }

    @Test
    void no_registered_instance_fails_fast_as_unavailable() {
        long started = System.nanoTime();

        assertThatThrownBy(this::call)
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void the_access_token_of_the_request_being_served_goes_along() throws IOException {
        discovery.register("echo", startServer("a"));
        Jwt token = Jwt.withTokenValue("the-callers-token")
                .header("alg", "RS256")
                .subject("someone")
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));

        assertThat(call()).isEqualTo("a Bearer the-callers-token");
    }

    private String call() {
        if (channel == null) {
            DiscoveryNameResolverProvider.registerOnce();
            channel = Grpc.newChannelBuilder("discovery:///echo", InsecureChannelCredentials.create())
                    .setNameResolverArg(
                            DiscoveryNameResolverProvider.INSTANCES, new DiscoveredInstances(discovery, REFRESH))
                    .defaultLoadBalancingPolicy("round_robin")
                    .intercept(new CallerTokenForwarding())
                    .build();
        }
        return ClientCalls.blockingUnaryCall(
                channel, WHO, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), "?");
    }

    /** A server answering its name, followed by the authorization it was sent, if any. */
    private int startServer(String name) throws IOException {
        ServerServiceDefinition echo = ServerServiceDefinition.builder("test.Echo")
                .addMethod(WHO, ServerCalls.asyncUnaryCall((request, response) -> {
                    String authorization = AUTHORIZATION.get();
                    response.onNext(authorization == null ? name : name + " " + authorization);
                    response.onCompleted();
                }))
                .build();
        ServerInterceptor keepAuthorization = new ServerInterceptor() {
            @Override
            public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(
                    io.grpc.ServerCall<Q, R> call, Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
                return Contexts.interceptCall(
                        Context.current().withValue(AUTHORIZATION, headers.get(CallerTokenForwarding.AUTHORIZATION)),
                        call,
                        headers,
                        next);
            }
        };
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(echo, keepAuthorization))
                .build()
                .start();
        servers.add(server);
        return server.getPort();
    }

    /** Discovery as Eureka (or Kubernetes) would answer it: instances of a service with their gRPC port in the metadata. */
    private static final class Registry implements DiscoveryClient {

        private final Map<String, List<ServiceInstance>> instances = new ConcurrentHashMap<>();

        void register(String service, int grpcPort) {
            register(service, grpcPort, DiscoveredInstances.GRPC_PORT);
        }

        /** Spring Cloud Kubernetes publishes a Service's port named grpc as {@code port.grpc}, Eureka {@code grpc.port}. */
        void register(String service, int grpcPort, String metadataKey) {
            instances
                    .computeIfAbsent(service, name -> new CopyOnWriteArrayList<>())
                    .add(new DefaultServiceInstance(
                            service + "-" + grpcPort,
                            service,
                            "127.0.0.1",
                            1,
                            false,
                            Map.of(metadataKey, String.valueOf(grpcPort))));
        }

        @Override
        public String description() {
            return "test registry";
        }

        @Override
        public List<ServiceInstance> getInstances(String serviceId) {
            return List.copyOf(instances.getOrDefault(serviceId, List.of()));
        }

        @Override
        public List<String> getServices() {
            return List.copyOf(instances.keySet());
        }
    }

    private static final class Text implements MethodDescriptor.Marshaller<String> {

        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
