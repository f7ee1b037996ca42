package dev.microshop.order.application.port;

import dev.microshop.order.domain.order.Money;
import dev.microshop.order.domain.order.ProductId;
import java.util.Map;
import java.util.Set;

/** inventory-service's catalog, asked for today's prices. */
public interface ProductCatalog {

    /**
     * The price of every product asked for. Throws {@link UnknownProductException} when a product does not exist,
     * {@link RemoteServiceUnavailableException} when inventory-service cannot answer in time.
     */
    Map<ProductId, Money> pricesOf(Set<ProductId> products);
}
