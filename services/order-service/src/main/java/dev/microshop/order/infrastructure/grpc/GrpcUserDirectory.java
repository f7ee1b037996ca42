package dev.microshop.order.infrastructure.grpc;

import dev.microshop.contracts.user.v1.GetUserRequest;
import dev.microshop.contracts.user.v1.UserServiceGrpc;
import dev.microshop.order.application.port.RemoteServiceUnavailableException;
import dev.microshop.order.application.port.UserDirectory;
import dev.microshop.order.domain.order.UserId;
import dev.microshop.order.infrastructure.config.OrderServiceProperties;
import dev.microshop.platform.config.LiveSettings;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** user-service's {@code GetUser} over gRPC, with a deadline; the caller's token travels along. */
@Component
class GrpcUserDirectory implements UserDirectory {

    private final UserServiceGrpc.UserServiceBlockingStub users;
    private final LiveSettings<OrderServiceProperties> settings;

    GrpcUserDirectory(UserServiceGrpc.UserServiceBlockingStub users, LiveSettings<OrderServiceProperties> settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public boolean isRegistered(UserId userId) {
        try {
            users.withDeadlineAfter(settings.current().remoteCallDeadline().toMillis(), TimeUnit.MILLISECONDS)
                    .getUser(GetUserRequest.newBuilder()
                            .setUserId(userId.toString())
                            .build());
            return true;
        } catch (StatusRuntimeException failure) {
            if (failure.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw new RemoteServiceUnavailableException("user-service", failure);
        }
    }
}
