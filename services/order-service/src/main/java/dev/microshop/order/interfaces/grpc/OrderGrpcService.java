package dev.microshop.order.interfaces.grpc;

import dev.microshop.contracts.order.v1.CreateOrderRequest;
import dev.microshop.contracts.order.v1.GetOrderRequest;
import dev.microshop.contracts.order.v1.Money;
import dev.microshop.contracts.order.v1.OrderItem;
import dev.microshop.contracts.order.v1.OrderServiceGrpc;
import dev.microshop.contracts.order.v1.OrderStatus;
import dev.microshop.order.application.order.GetOrder;
import dev.microshop.order.application.order.PlaceOrder;
import dev.microshop.order.application.order.PlaceOrderCommand;
import dev.microshop.order.application.order.Requester;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.order.domain.order.UserId;
import dev.microshop.order.interfaces.Caller;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** {@code microshop.order.v1.OrderService} for other services; errors become statuses in {@link OrderGrpcErrors}. */
@GrpcService
class OrderGrpcService extends OrderServiceGrpc.OrderServiceImplBase {

    private final PlaceOrder placeOrder;
    private final GetOrder getOrder;

    OrderGrpcService(PlaceOrder placeOrder, GetOrder getOrder) {
        this.placeOrder = placeOrder;
        this.getOrder = getOrder;
    }

    @Override
    public void createOrder(
            CreateOrderRequest request, StreamObserver<dev.microshop.contracts.order.v1.Order> response) {
        Requester caller = caller();
        UserId orderedFor = request.getUserId().isEmpty() ? caller.userId() : UserId.parse(request.getUserId());
        if (!orderedFor.equals(caller.userId()) && !caller.administrator()) {
            throw Status.PERMISSION_DENIED
                    .withDescription("Only an administrator orders for someone else")
                    .asRuntimeException();
        }
        var command = new PlaceOrderCommand(
                orderedFor.toString(),
                request.getItemsList().stream()
                        .map(line -> new PlaceOrderCommand.Item(line.getProductId(), line.getQuantity()))
                        .toList(),
                request.getPaymentMethod(),
                request.getIdempotencyKey().isEmpty() ? null : request.getIdempotencyKey());
        response.onNext(toMessage(placeOrder.place(command).order()));
        response.onCompleted();
    }

    @Override
    public void getOrder(GetOrderRequest request, StreamObserver<dev.microshop.contracts.order.v1.Order> response) {
        response.onNext(toMessage(getOrder.get(OrderId.parse(request.getOrderId()), caller())));
        response.onCompleted();
    }

    /** Spring gRPC has checked the bearer token of the call and put it in the security context. */
    private static Requester caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
            throw Status.UNAUTHENTICATED
                    .withDescription("A bearer token is required")
                    .asRuntimeException();
        }
        return Caller.of(token);
    }

    private static dev.microshop.contracts.order.v1.Order toMessage(Order order) {
        return dev.microshop.contracts.order.v1.Order.newBuilder()
                .setId(order.id().toString())
                .setUserId(order.userId().toString())
                .setStatus(order.status().name())
                .setOrderStatus(status(order.status()))
                .addAllItems(order.lines().stream()
                        .map(line -> OrderItem.newBuilder()
                                .setProductId(line.productId().toString())
                                .setQuantity(line.quantity())
                                .setUnitPrice(money(line.unitPrice()))
                                .build())
                        .toList())
                .setTotal(money(order.total()))
                .setCancellationReason(order.cancellationReason().orElse(""))
                .build();
    }

    private static OrderStatus status(dev.microshop.order.domain.order.OrderStatus status) {
        return switch (status) {
            case PENDING -> OrderStatus.ORDER_STATUS_PENDING;
            case RESERVED -> OrderStatus.ORDER_STATUS_RESERVED;
            case CONFIRMED -> OrderStatus.ORDER_STATUS_CONFIRMED;
            case CANCELLED -> OrderStatus.ORDER_STATUS_CANCELLED;
            case SHIPPED -> OrderStatus.ORDER_STATUS_SHIPPED;
        };
    }

    private static Money money(dev.microshop.order.domain.order.Money money) {
        return Money.newBuilder()
                .setAmount(money.amount().toPlainString())
                .setCurrency(money.currency())
                .build();
    }
}
