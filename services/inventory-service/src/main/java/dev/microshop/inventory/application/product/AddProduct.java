package dev.microshop.inventory.application.product;

import dev.microshop.inventory.domain.product.Product;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductRepository;
import dev.microshop.inventory.domain.product.Sku;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.inventory.domain.stock.StockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts a new product into the catalog together with its initial stock. */
@Service
public class AddProduct {

    private final ProductRepository products;
    private final StockRepository stock;

    public AddProduct(ProductRepository products, StockRepository stock) {
        this.products = products;
        this.stock = stock;
    }

    @Transactional
    public ProductListing add(AddProductCommand command) {
        Product product = Product.create(
                ProductId.newId(),
                Sku.of(command.sku()),
                command.name(),
                command.description(),
                command.priceAmount(),
                command.priceCurrency());
        StockLevel level = StockLevel.initial(product.id(), command.initialStock());
        products.add(product);
        stock.add(level);
        return new ProductListing(product, level.available());
    }
}
