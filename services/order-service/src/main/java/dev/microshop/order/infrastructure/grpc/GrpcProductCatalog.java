package dev.microshop.order.infrastructure.grpc;

import dev.microshop.contracts.inventory.v1.GetProductsRequest;
import dev.microshop.contracts.inventory.v1.InventoryServiceGrpc;
import dev.microshop.contracts.inventory.v1.Product;
import dev.microshop.order.application.port.ProductCatalog;
import dev.microshop.order.application.port.RemoteServiceUnavailableException;
import dev.microshop.order.application.port.UnknownProductException;
import dev.microshop.order.domain.order.Money;
import dev.microshop.order.domain.order.ProductId;
import dev.microshop.order.infrastructure.config.OrderServiceProperties;
import dev.microshop.platform.config.LiveSettings;
import io.grpc.StatusRuntimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** inventory-service's {@code GetProducts} over gRPC, with a deadline; the caller's token travels along. */
@Component
class GrpcProductCatalog implements ProductCatalog {

    private final InventoryServiceGrpc.InventoryServiceBlockingStub inventory;
    private final LiveSettings<OrderServiceProperties> settings;

    GrpcProductCatalog(
            InventoryServiceGrpc.InventoryServiceBlockingStub inventory,
            LiveSettings<OrderServiceProperties> settings) {
        this.inventory = inventory;
        this.settings = settings;
    }

    @Override
    public Map<ProductId, Money> pricesOf(Set<ProductId> products) {
        GetProductsRequest request = GetProductsRequest.newBuilder()
                .addAllProductIds(products.stream().map(ProductId::toString).toList())
                .build();
        try {
            Map<ProductId, Money> prices = new LinkedHashMap<>();
            for (Product product : inventory
                    .withDeadlineAfter(settings.current().remoteCallDeadline().toMillis(), TimeUnit.MILLISECONDS)
                    .getProducts(request)
                    .getProductsList()) {
                prices.put(
                        ProductId.parse(product.getId()),
                        Money.of(
                                product.getPrice().getAmount(),
                                product.getPrice().getCurrency()));
            }
            return prices;
        } catch (StatusRuntimeException failure) {
            switch (failure.getStatus().getCode()) {
                // inventory-service names the unknown products in the description.
                case NOT_FOUND, INVALID_ARGUMENT ->
                    throw new UnknownProductException(
                            failure.getStatus().getDescription() == null
                                    ? "Unknown product"
                                    : failure.getStatus().getDescription());
                default -> throw new RemoteServiceUnavailableException("inventory-service", failure);
            }
        }
    }
}
