package dev.microshop.user.interfaces.grpc;

import dev.microshop.contracts.user.v1.GetUserRequest;
import dev.microshop.contracts.user.v1.User;
import dev.microshop.contracts.user.v1.UserServiceGrpc;
import dev.microshop.user.application.user.Caller;
import dev.microshop.user.application.user.LookUpUser;
import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.UserId;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Set;
import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** {@code microshop.user.v1.UserService} for the other services; errors become statuses in {@link UserGrpcErrors}. */
@GrpcService
class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

    private final LookUpUser lookUpUser;

    UserGrpcService(LookUpUser lookUpUser) {
        this.lookUpUser = lookUpUser;
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<User> response) {
        var user = lookUpUser.lookUp(UserId.parse(request.getUserId()), caller());
        response.onNext(User.newBuilder()
                .setId(user.id().toString())
                .setEmail(user.email().value())
                .setName(user.name().value())
                .addAllRoles(user.roles().stream().map(Role::name).sorted().toList())
                .build());
        response.onCompleted();
    }

    /** Spring gRPC has checked the bearer token of the call and put it in the security context. */
    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
            throw Status.UNAUTHENTICATED
                    .withDescription("A bearer token is required")
                    .asRuntimeException();
        }
        List<String> roles = token.getClaimAsStringList("roles");
        return new Caller(token.getSubject(), roles == null ? Set.of() : Set.copyOf(roles));
    }
}
