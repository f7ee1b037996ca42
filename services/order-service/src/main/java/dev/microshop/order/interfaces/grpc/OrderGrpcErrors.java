package dev.microshop.order.interfaces.grpc;

import dev.microshop.order.application.order.SagaBehindException;
import dev.microshop.order.application.order.UnknownUserException;
import dev.microshop.order.application.port.RemoteServiceUnavailableException;
import dev.microshop.order.application.port.UnknownProductException;
import dev.microshop.order.domain.order.IdempotencyKeyReusedException;
import dev.microshop.order.domain.order.InvalidOrderException;
import dev.microshop.order.domain.order.OrderNotFoundException;
import io.grpc.Status;
import io.grpc.StatusException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/** Business errors of gRPC calls as statuses with a readable description; anything else is left to the default. */
@Component
class OrderGrpcErrors implements GrpcExceptionHandler {

    @Override
    public StatusException handleException(Throwable failure) {
        return switch (failure) {
            case InvalidOrderException invalid -> invalidArgument(invalid);
            case UnknownProductException unknown -> invalidArgument(unknown);
            case UnknownUserException unknown -> invalidArgument(unknown);
            // Retrying the same call can never succeed; a new key or the first request unchanged will.
            case IdempotencyKeyReusedException reused ->
                Status.FAILED_PRECONDITION.withDescription(reused.getMessage()).asException();
            case OrderNotFoundException notFound ->
                Status.NOT_FOUND.withDescription(notFound.getMessage()).asException();
            case RemoteServiceUnavailableException unavailable ->
                Status.UNAVAILABLE.withDescription(unavailable.getMessage()).asException();
            case SagaBehindException behind ->
                Status.UNAVAILABLE.withDescription(behind.getMessage()).asException();
            default -> null;
        };
    }

    private static StatusException invalidArgument(RuntimeException failure) {
        return Status.INVALID_ARGUMENT.withDescription(failure.getMessage()).asException();
    }
}
