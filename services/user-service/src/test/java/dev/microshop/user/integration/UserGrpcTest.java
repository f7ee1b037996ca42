package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.contracts.user.v1.GetUserRequest;
import dev.microshop.contracts.user.v1.User;
import dev.microshop.contracts.user.v1.UserServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
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

    Api api;
    ManagedChannel channel;
    UserServiceGrpc.UserServiceBlockingStub users;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
        users = UserServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** As the calling services do: a deadline, and the caller's access token. */
    private UserServiceGrpc.UserServiceBlockingStub as(Api.Session caller) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + caller.accessToken());
        return users.withDeadlineAfter(5, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Test
    void get_user_returns_a_registered_user() {
        Api.Session session = api.newSession("grpc");

        User user = as(session).getUser(GetUserRequest.newBuilder().setUserId(session.userId()).build());

        assertThat(user.getId()).isEqualTo(session.userId());
        assertThat(user.getEmail()).isEqualTo(session.email());
        assertThat(user.getName()).isEqualTo("grpc");
        assertThat(user.getRolesList()).containsExactly("CUSTOMER");
    }

    @Test
    void an_unknown_id_is_not_found_with_a_message() {
        String unknown = UUID.randomUUID().toString();
        Api.Session caller = api.newSession("grpc-caller");

        assertThatThrownBy(() -> as(caller).getUser(GetUserRequest.newBuilder().setUserId(unknown).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(failure.getStatus().getDescription()).isEqualTo("No user with id " + unknown);
                });
    }

    @Test
    void a_malformed_id_is_an_invalid_argument_with_a_message() {
        Api.Session caller = api.newSession("grpc-caller");

        assertThatThrownBy(() -> as(caller).getUser(GetUserRequest.newBuilder().setUserId("42").build()))
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
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure ->
                        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
}
