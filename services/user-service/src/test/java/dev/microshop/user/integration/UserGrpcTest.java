package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.contracts.user.v1.GetUserRequest;
import dev.microshop.contracts.user.v1.User;
import dev.microshop.contracts.user.v1.UserServiceGrpc;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Other services look users up over gRPC with the caller's token, here over a real loopback connection. */
@UserServiceIntegrationTest
class UserGrpcTest {

    @Autowired
    GrpcServerLifecycle grpcServer;

    @Autowired
    SigningKeyRepository signingKeys;

    Api api;
    ManagedChannel channel;
    UserServiceGrpc.UserServiceBlockingStub users;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort())
                .usePlaintext()
                .build();
        users = UserServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** As the calling services do: a deadline, and the caller's access token. */
    private UserServiceGrpc.UserServiceBlockingStub as(Api.Session caller) {
        return withToken(caller.accessToken());
    }

    /** A token signed by the service's own key for a caller with these roles. */
    private String tokenWithRoles(String subject, String... roles) {
        return TestTokens.signedWith(
                signingKeys.findActive().orElseThrow(),
                TestTokens.claims(subject, Instant.now())
                        .claim("roles", List.of(roles))
                        .build());
    }

    private UserServiceGrpc.UserServiceBlockingStub withToken(String accessToken) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + accessToken);
        return users.withDeadlineAfter(5, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Test
    void get_user_returns_a_registered_user() {
        Api.Session session = api.newSession("grpc");

        User user = as(session)
                .getUser(GetUserRequest.newBuilder().setUserId(session.userId()).build());

        assertThat(user.getId()).isEqualTo(session.userId());
        assertThat(user.getEmail()).isEqualTo(session.email());
        assertThat(user.getName()).isEqualTo("grpc");
        assertThat(user.getRolesList()).containsExactly("CUSTOMER");
    }

    @Test
    void a_shopper_cannot_read_another_users_record_and_learns_nothing_about_it() {
        Api.Session victim = api.newSession("grpc-victim");
        Api.Session shopper = api.newSession("grpc-nosy");

        for (String id : List.of(victim.userId(), UUID.randomUUID().toString())) {
            assertThatThrownBy(() -> as(shopper)
                            .getUser(GetUserRequest.newBuilder().setUserId(id).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(failure.getStatus().getDescription())
                                .isEqualTo("A user's record is only given to that user, a service or an administrator");
                    });
        }
    }

    @Test
    void a_service_or_an_administrator_reads_any_users_record() {
        Api.Session someone = api.newSession("grpc-someone");
        GetUserRequest request =
                GetUserRequest.newBuilder().setUserId(someone.userId()).build();

        User forService = withToken(tokenWithRoles("order-service", "SERVICE")).getUser(request);
        User forAdmin = withToken(tokenWithRoles(UUID.randomUUID().toString(), "ADMIN", "CUSTOMER"))
                .getUser(request);

        assertThat(forService.getEmail()).isEqualTo(someone.email());
        assertThat(forAdmin.getEmail()).isEqualTo(someone.email());
    }

    @Test
    void an_unknown_id_is_not_found_with_a_message() {
        String unknown = UUID.randomUUID().toString();

        assertThatThrownBy(() -> withToken(tokenWithRoles("order-service", "SERVICE"))
                        .getUser(GetUserRequest.newBuilder().setUserId(unknown).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(failure.getStatus().getDescription()).isEqualTo("No user with id " + unknown);
                });
    }

    @Test
    void a_malformed_id_is_an_invalid_argument_with_a_message() {
        Api.Session caller = api.newSession("grpc-caller");

        assertThatThrownBy(() -> as(caller)
                        .getUser(GetUserRequest.newBuilder().setUserId("42").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(failure.getStatus().getDescription()).isEqualTo("User id '42' is not a UUID");
                });
    }

    @Test
    void a_call_without_an_access_token_is_unauthenticated() {
        String someone = api.newSession("grpc-anonymous").userId();

        assertThatThrownBy(() -> users.withDeadlineAfter(5, TimeUnit.SECONDS)
                        .getUser(GetUserRequest.newBuilder().setUserId(someone).build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
}
