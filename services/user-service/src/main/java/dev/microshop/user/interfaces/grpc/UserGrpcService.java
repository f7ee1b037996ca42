package dev.microshop.user.interfaces.grpc;

import dev.microshop.contracts.user.v1.GetUserRequest;
import dev.microshop.contracts.user.v1.User;
import dev.microshop.contracts.user.v1.UserServiceGrpc;
import dev.microshop.user.application.user.GetUser;
import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.UserId;
import io.grpc.stub.StreamObserver;
import org.springframework.grpc.server.service.GrpcService;

/** {@code microshop.user.v1.UserService} for the other services; errors become statuses in {@link UserGrpcErrors}. */
@GrpcService
class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

    private final GetUser getUser;

    UserGrpcService(GetUser getUser) {
        this.getUser = getUser;
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<User> response) {
        var user = getUser.get(UserId.parse(request.getUserId()));
        response.onNext(User.newBuilder()
                .setId(user.id().toString())
                .setEmail(user.email().value())
                .setName(user.name().value())
                .addAllRoles(user.roles().stream().map(Role::name).sorted().toList())
                .build());
        response.onCompleted();
    }
}
