package dev.microshop.user.interfaces.grpc;

import dev.microshop.user.application.user.UserRecordDeniedException;
import dev.microshop.user.domain.user.InvalidUserIdException;
import dev.microshop.user.domain.user.UserNotFoundException;
import io.grpc.Status;
import io.grpc.StatusException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/** Business errors of gRPC calls as statuses with a readable description; anything else is left to the default. */
@Component
class UserGrpcErrors implements GrpcExceptionHandler {

    @Override
    public StatusException handleException(Throwable failure) {
        return switch (failure) {
            case InvalidUserIdException invalid ->
                Status.INVALID_ARGUMENT.withDescription(invalid.getMessage()).asException();
            case UserRecordDeniedException denied ->
                Status.PERMISSION_DENIED.withDescription(denied.getMessage()).asException();
            case UserNotFoundException notFound ->
                Status.NOT_FOUND.withDescription(notFound.getMessage()).asException();
            default -> null;
        };
    }
}
