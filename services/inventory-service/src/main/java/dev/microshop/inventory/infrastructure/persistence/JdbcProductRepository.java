package dev.microshop.inventory.infrastructure.persistence;

import dev.microshop.inventory.domain.Page;
import dev.microshop.inventory.domain.PageRequest;
import dev.microshop.inventory.domain.product.DuplicateSkuException;
import dev.microshop.inventory.domain.product.Money;
import dev.microshop.inventory.domain.product.Product;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductRepository;
import dev.microshop.inventory.domain.product.Sku;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog in PostgreSQL; the unique constraint on the SKU settles two administrators adding the same one. */
@Repository
class JdbcProductRepository implements ProductRepository {

    private static final String COLUMNS = "id, sku, name, description, price_amount, price_currency";

    private final JdbcClient jdbc;

    JdbcProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Product product) {
        try {
            jdbc.sql("""
                    INSERT INTO products (id, sku, name, description, price_amount, price_currency)
                    VALUES (:id, :sku, :name, :description, :amount, :currency)""")
                    .param("id", product.id().value())
                    .param("sku", product.sku().value())
                    .param("name", product.name())
                    .param("description", product.description())
                    .param("amount", product.price().amount())
                    .param("currency", product.price().currency())
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new DuplicateSkuException(product.sku());
        }
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id = :id")
                .param("id", id.value())
                .query(JdbcProductRepository::toProduct)
                .optional();
    }

    @Override
    public List<Product> findAllById(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id IN (:ids)")
                .param("ids", ids.stream().map(ProductId::value).toList())
                .query(JdbcProductRepository::toProduct)
                .list();
    }

    @Override
    public Page<Product> findPage(PageRequest request) {
        List<Product> content = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM products ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("limit", request.size())
                .param("offset", request.offset())
                .query(JdbcProductRepository::toProduct)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM products").query(Long.class).single();
        return new Page<>(content, request, total);
    }

    private static Product toProduct(ResultSet row, int rowNumber) throws SQLException {
        return new Product(
                new ProductId(row.getObject("id", UUID.class)),
                new Sku(row.getString("sku")),
                row.getString("name"),
                row.getString("description"),
                new Money(row.getBigDecimal("price_amount"), row.getString("price_currency")));
    }
}
