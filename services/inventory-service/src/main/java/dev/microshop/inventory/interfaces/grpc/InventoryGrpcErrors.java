package dev.microshop.inventory.interfaces.grpc;

import dev.microshop.inventory.domain.product.InvalidProductIdException;
import dev.microshop.inventory.domain.product.ProductNotFoundException;
import io.grpc.Status;
import io.grpc.StatusException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/** Business errors of gRPC calls as statuses with a readable description; anything else is left to the default. */
@Component
class InventoryGrpcErrors implements GrpcExceptionHandler {

    @Override
    public StatusException handleException(Throwable failure) {
        return switch (failure) {
            case InvalidProductIdException invalid ->
                Status.INVALID_ARGUMENT.withDescription(invalid.getMessage()).asException();
            case ProductNotFoundException notFound ->
                Status.NOT_FOUND.withDescription(notFound.getMessage()).asException();
            default -> null;
        };
    }
}
