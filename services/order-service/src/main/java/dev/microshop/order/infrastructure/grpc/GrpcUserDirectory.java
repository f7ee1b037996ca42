package dev.microshop.order.infrastructure.grpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.microshop.contracts.user.v1.GetUserRequest;
import dev.microshop.contracts.user.v1.UserServiceGrpc;
import dev.microshop.order.application.port.RemoteServiceUnavailableException;
import dev.microshop.order.application.port.UserDirectory;
import dev.microshop.order.domain.order.UserId;
import dev.microshop.order.infrastructure.config.OrderServiceProperties;
import dev.microshop.platform.config.LiveSettings;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * user-service's {@code GetUser} over gRPC, with a deadline; the caller's token travels along. An account is never
 * deleted, so a shopper found once stays registered: that answer is kept (up to {@value #KNOWN_SHOPPERS} shoppers,
 * each for {@link #KEPT_FOR}) and a shopper's next orders make no call. An unknown id is asked again every time.
 */
@Component
class GrpcUserDirectory implements UserDirectory {

    static final int KNOWN_SHOPPERS = 10_000;
    static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private final UserServiceGrpc.UserServiceBlockingStub users;
    private final LiveSettings<OrderServiceProperties> settings;
    private final Cache<UserId, Boolean> registered = Caffeine.newBuilder()
            .maximumSize(KNOWN_SHOPPERS)
            .expireAfterWrite(KEPT_FOR)
            .build();

    GrpcUserDirectory(UserServiceGrpc.UserServiceBlockingStub users, LiveSettings<OrderServiceProperties> settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public boolean isRegistered(UserId userId) {
        if (registered.getIfPresent(userId) != null) {
            return true;
        }
        boolean found = askUserService(userId);
        if (found) {
            registered.put(userId, Boolean.TRUE);
        }
        return found;
    }

    private boolean askUserService(UserId userId) {
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
