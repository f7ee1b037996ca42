package dev.microshop.inventory.application.product;

import dev.microshop.inventory.domain.product.Product;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductNotFoundException;
import dev.microshop.inventory.domain.product.ProductRepository;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.inventory.domain.stock.StockRepository;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Several products at once (order-service prices an order with them): all of them, or an error naming the missing. */
@Service
public class GetProducts {

    private final ProductRepository products;
    private final StockRepository stock;

    public GetProducts(ProductRepository products, StockRepository stock) {
        this.products = products;
        this.stock = stock;
    }

    /** The products in the order of {@code ids}, each once; throws {@link ProductNotFoundException} listing every unknown id. */
    @Transactional(readOnly = true)
    public List<ProductListing> get(List<ProductId> ids) {
        Set<ProductId> wanted = new LinkedHashSet<>(ids);
        Map<ProductId, Product> found =
                products.findAllById(wanted).stream().collect(Collectors.toMap(Product::id, Function.identity()));
        List<ProductId> missing =
                wanted.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new ProductNotFoundException(missing);
        }
        Map<ProductId, StockLevel> levels = stock.findAll(wanted);
        return wanted.stream()
                .map(id -> ProductListing.of(found.get(id), levels))
                .toList();
    }
}
