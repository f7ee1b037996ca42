package dev.microshop.order.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.contracts.order.v1.CreateOrderRequest;
import dev.microshop.contracts.order.v1.GetOrderRequest;
import dev.microshop.contracts.order.v1.Order;
import dev.microshop.contracts.order.v1.OrderLine;
import dev.microshop.contracts.order.v1.OrderServiceGrpc;
import dev.microshop.contracts.order.v1.OrderStatus;
import dev.microshop.order.integration.Api.Shopper;
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

/** Other services place and read orders over gRPC with the caller's token, here over a real loopback connection. */
@OrderServiceIntegrationTest
class OrderGrpcTest {

    static final FakeRemoteServices fakes = FakeRemoteServices.INSTANCE;

    @Autowired
    GrpcServerLifecycle grpcServer;

    ManagedChannel channel;
    OrderServiceGrpc.OrderServiceBlockingStub orders;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort())
                .usePlaintext()
                .build();
        orders = OrderServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        fakes.reset();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private OrderServiceGrpc.OrderServiceBlockingStub as(Shopper caller) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + caller.token());
        return orders.withDeadlineAfter(5, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static CreateOrderRequest.Builder orderOf(String product, int quantity) {
        return CreateOrderRequest.newBuilder()
                .addItems(OrderLine.newBuilder().setProductId(product).setQuantity(quantity))
                .setPaymentMethod("pm-ok");
    }

    @Test
    void create_order_places_a_pending_order_for_the_caller_that_get_order_returns() {
        Shopper shopper = Api.newShopper();
        String product = fakes.inventory.add("4.20", "EUR");

        Order created = as(shopper).createOrder(orderOf(product, 3).build());

        assertThat(created.getStatus()).isEqualTo("PENDING");
        assertThat(created.getOrderStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PENDING);
        assertThat(created.getUserId()).isEqualTo(shopper.userId());
        assertThat(created.getTotal().getAmount()).isEqualTo("12.60");
        assertThat(created.getItems(0).getUnitPrice().getAmount()).isEqualTo("4.20");
        assertThat(fakes.inventory.calls.lastAuthorization).isEqualTo("Bearer " + shopper.token());
        assertThat(as(shopper)
                        .getOrder(GetOrderRequest.newBuilder()
                                .setOrderId(created.getId())
                                .build()))
                .isEqualTo(created);
    }

    @Test
    void create_order_honours_the_idempotency_key() {
        Shopper shopper = Api.newShopper();
        CreateOrderRequest request = orderOf(fakes.inventory.add("1.00", "EUR"), 1)
                .setIdempotencyKey("grpc-1")
                .build();

        assertThat(as(shopper).createOrder(request).getId())
                .isEqualTo(as(shopper).createOrder(request).getId());
    }

    @Test
    void create_order_refuses_an_idempotency_key_used_for_a_different_order() {
        Shopper shopper = Api.newShopper();
        String product = fakes.inventory.add("1.00", "EUR");
        Order first = as(shopper)
                .createOrder(orderOf(product, 1).setIdempotencyKey("grpc-2").build());

        assertThatThrownBy(() -> as(shopper)
                        .createOrder(
                                orderOf(product, 2).setIdempotencyKey("grpc-2").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(failure.getStatus().getDescription()).contains("grpc-2", "different order request");
                });
        assertThat(as(shopper)
                        .getOrder(GetOrderRequest.newBuilder()
                                .setOrderId(first.getId())
                                .build())
                        .getItems(0)
                        .getQuantity())
                .isEqualTo(1);
    }

    @Test
    void nobody_orders_for_someone_else_but_an_administrator() {
        Shopper someone = Api.newShopper();
        String product = fakes.inventory.add("1.00", "EUR");
        CreateOrderRequest forSomeone =
                orderOf(product, 1).setUserId(someone.userId()).build();

        assertThatThrownBy(() -> as(Api.newShopper()).createOrder(forSomeone))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThat(as(Api.newAdmin()).createOrder(forSomeone).getUserId()).isEqualTo(someone.userId());
    }

    @Test
    void errors_are_statuses_with_a_readable_description() {
        Shopper shopper = Api.newShopper();
        String unknown = UUID.randomUUID().toString();

        assertThatThrownBy(() -> as(shopper).createOrder(orderOf(unknown, 1).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(failure.getStatus().getDescription()).isEqualTo("No product with id " + unknown);
                });
        assertThatThrownBy(() -> as(shopper)
                        .getOrder(
                                GetOrderRequest.newBuilder().setOrderId(unknown).build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        fakes.inventory.calls.failure = Status.UNAVAILABLE;
        assertThatThrownBy(() -> as(shopper).createOrder(orderOf(unknown, 1).build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    @Test
    void someone_elses_order_is_not_found_and_a_call_without_a_token_is_unauthenticated() {
        Shopper owner = Api.newShopper();
        Order created = as(owner)
                .createOrder(orderOf(fakes.inventory.add("1.00", "EUR"), 1).build());
        GetOrderRequest get =
                GetOrderRequest.newBuilder().setOrderId(created.getId()).build();

        assertThatThrownBy(() -> as(Api.newShopper()).getOrder(get))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> orders.withDeadlineAfter(5, TimeUnit.SECONDS).getOrder(get))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
}
