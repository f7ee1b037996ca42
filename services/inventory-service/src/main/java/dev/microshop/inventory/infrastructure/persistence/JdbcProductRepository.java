package dev.microshop.inventory.infrastructure.persistence;

import dev.microshop.inventory.domain.Page;
import dev.microshop.inventory.domain.PageRequest;
import dev.microshop.inventory.domain.product.CatalogSearch;
import dev.microshop.inventory.domain.product.DuplicateSkuException;
import dev.microshop.inventory.domain.product.Money;
import dev.microshop.inventory.domain.product.Product;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.ProductNotFoundException;
import dev.microshop.inventory.domain.product.ProductRepository;
import dev.microshop.inventory.domain.product.Sku;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public void update(Product product) {
        int updated = jdbc.sql("""
                UPDATE products SET name = :name, description = :description, price_amount = :amount,
                price_currency = :currency WHERE id = :id""")
                .param("id", product.id().value())
                .param("name", product.name())
                .param("description", product.description())
                .param("amount", product.price().amount())
                .param("currency", product.price().currency())
                .update();
        if (updated == 0) {
            throw new ProductNotFoundException(product.id());
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
    public Page<Product> findPage(CatalogSearch search, PageRequest request) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        String[] words = search.words().orElse(new String[0]);
        for (int i = 0; i < words.length; i++) {
            where.append(i == 0 ? " WHERE " : " AND ")
                    .append("(name ILIKE :w")
                    .append(i)
                    .append(" OR description ILIKE :w")
                    .append(i)
                    .append(" OR sku ILIKE :w")
                    .append(i)
                    .append(")");
            params.put("w" + i, "%" + escapeLike(words[i]) + "%");
        }
        List<Product> content = jdbc.sql("SELECT " + COLUMNS + " FROM products" + where
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", request.size())
                .param("offset", request.offset())
                .query(JdbcProductRepository::toProduct)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM products" + where)
                .params(params)
                .query(Long.class)
                .single();
        return new Page<>(content, request, total);
    }

    /** A shopper's % and _ are letters to find, not wildcards (backslash is ILIKE's default escape). */
    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
