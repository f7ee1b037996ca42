package dev.microshop.inventory.interfaces.grpc;

import dev.microshop.contracts.inventory.v1.GetProductsRequest;
import dev.microshop.contracts.inventory.v1.GetProductsResponse;
import dev.microshop.contracts.inventory.v1.InventoryServiceGrpc;
import dev.microshop.contracts.inventory.v1.Money;
import dev.microshop.contracts.inventory.v1.Product;
import dev.microshop.inventory.application.product.GetProducts;
import dev.microshop.inventory.application.product.ProductListing;
import dev.microshop.inventory.domain.product.ProductId;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.springframework.grpc.server.service.GrpcService;

/** {@code microshop.inventory.v1.InventoryService} for the other services; errors become statuses in {@link InventoryGrpcErrors}. */
@GrpcService
class InventoryGrpcService extends InventoryServiceGrpc.InventoryServiceImplBase {

    /** One order never has this many different products; a bigger request is a mistake, not a lookup. */
    static final int MAX_IDS = 100;

    private final GetProducts getProducts;

    InventoryGrpcService(GetProducts getProducts) {
        this.getProducts = getProducts;
    }

    @Override
    public void getProducts(GetProductsRequest request, StreamObserver<GetProductsResponse> response) {
        if (request.getProductIdsCount() > MAX_IDS) {
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("At most " + MAX_IDS + " product ids can be asked for at once")
                    .asRuntimeException());
            return;
        }
        List<ProductId> ids =
                request.getProductIdsList().stream().map(ProductId::parse).toList();
        GetProductsResponse.Builder products = GetProductsResponse.newBuilder();
        for (ProductListing listing : getProducts.get(ids)) {
            products.addProducts(toMessage(listing));
        }
        response.onNext(products.build());
        response.onCompleted();
    }

    private static Product toMessage(ProductListing listing) {
        var product = listing.product();
        return Product.newBuilder()
                .setId(product.id().toString())
                .setSku(product.sku().value())
                .setName(product.name())
                .setPrice(Money.newBuilder()
                        .setAmount(product.price().amount().toPlainString())
                        .setCurrency(product.price().currency()))
                .setAvailableStock(listing.availableStock())
                .build();
    }
}
