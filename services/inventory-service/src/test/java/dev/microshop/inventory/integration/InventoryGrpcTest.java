package dev.microshop.inventory.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.contracts.inventory.v1.GetProductsRequest;
import dev.microshop.contracts.inventory.v1.GetProductsResponse;
import dev.microshop.contracts.inventory.v1.InventoryServiceGrpc;
import dev.microshop.contracts.inventory.v1.Product;
import dev.microshop.testsupport.TestAccessTokens;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/** order-service prices an order over gRPC with the shopper's token, here over a real loopback connection. */
@InventoryServiceIntegrationTest
class InventoryGrpcTest {

    static final String MUG = ProductApiTest.SEEDED_MUG;
    static final String ESPRESSO = "184e05e0-3968-58b6-ada0-56c8cd072386";

    @Autowired
    GrpcServerLifecycle grpcServer;

    ManagedChannel channel;
    InventoryServiceGrpc.InventoryServiceBlockingStub inventory;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort())
                .usePlaintext()
                .build();
        inventory = InventoryServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** As the calling services do: a deadline, and the caller's access token. */
    private InventoryServiceGrpc.InventoryServiceBlockingStub withToken() {
        Metadata headers = new Metadata();
        headers.put(
                Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + TestAccessTokens.customer());
        return inventory
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static GetProductsRequest request(String... ids) {
        return GetProductsRequest.newBuilder().addAllProductIds(List.of(ids)).build();
    }

    @Test
    void get_products_answers_each_product_once_in_the_order_asked_with_price_and_stock() {
        GetProductsResponse response = withToken().getProducts(request(ESPRESSO, MUG, ESPRESSO));

        assertThat(response.getProductsList()).extracting(Product::getId).containsExactly(ESPRESSO, MUG);
        Product mug = response.getProducts(1);
        assertThat(mug.getSku()).isEqualTo("MUG-CER-350");
        assertThat(mug.getName()).isEqualTo("Ceramic mug, 350 ml");
        assertThat(mug.getPrice().getAmount()).isEqualTo("12.50");
        assertThat(mug.getPrice().getCurrency()).isEqualTo("EUR");
        assertThat(mug.getAvailableStock()).isEqualTo(100);
    }

    @Test
    void unknown_ids_are_not_found_and_listed() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        assertThatThrownBy(() -> withToken().getProducts(request(MUG, first, second)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(failure.getStatus().getDescription())
                            .isEqualTo("No products with ids " + first + ", " + second);
                });
    }

    @Test
    void a_malformed_id_is_an_invalid_argument() {
        assertThatThrownBy(() -> withToken().getProducts(request(MUG, "42")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(failure.getStatus().getDescription()).isEqualTo("Product id '42' is not a UUID");
                });
    }

    @Test
    void more_than_a_hundred_ids_at_once_is_an_invalid_argument() {
        String[] ids = Collections.nCopies(101, MUG).toArray(String[]::new);

        assertThatThrownBy(() -> withToken().getProducts(request(ids)))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void a_call_without_an_access_token_is_unauthenticated() {
        assertThatThrownBy(
                        () -> inventory.withDeadlineAfter(5, TimeUnit.SECONDS).getProducts(request(MUG)))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
}
