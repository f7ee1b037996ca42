package dev.microshop.inventory.infrastructure.persistence;

import dev.microshop.inventory.domain.Page;
import dev.microshop.inventory.domain.PageRequest;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.inventory.domain.stock.StockRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock levels in PostgreSQL. Units move between the counts only by updates whose WHERE clause requires enough
 * units in the count they come from, and CHECK constraints refuse any negative count, so the database itself
 * keeps the stock from going below zero.
 */
@Repository
class JdbcStockRepository implements StockRepository {

    private static final String COLUMNS = "product_id, received, available, reserved, sold";

    private final JdbcClient jdbc;

    JdbcStockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(StockLevel level) {
        jdbc.sql("""
                INSERT INTO stock_levels (product_id, received, available, reserved, sold)
                VALUES (:productId, :received, :available, :reserved, :sold)""")
                .param("productId", level.productId().value())
                .param("received", level.received())
                .param("available", level.available())
                .param("reserved", level.reserved())
                .param("sold", level.sold())
                .update();
    }

    @Override
    public Optional<StockLevel> find(ProductId productId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stock_levels WHERE product_id = :productId")
                .param("productId", productId.value())
                .query(JdbcStockRepository::toLevel)
                .optional();
    }

    @Override
    public Map<ProductId, StockLevel> findAll(Collection<ProductId> productIds) {
        return byProduct(productIds, "SELECT " + COLUMNS + " FROM stock_levels WHERE product_id IN (:ids)");
    }

    @Override
    public Page<StockLevel> findPage(PageRequest request) {
        List<StockLevel> content = jdbc.sql("""
                SELECT s.product_id, s.received, s.available, s.reserved, s.sold
                FROM stock_levels s JOIN products p ON p.id = s.product_id
                ORDER BY p.name, p.id LIMIT :limit OFFSET :offset""")
                .param("limit", request.size())
                .param("offset", request.offset())
                .query(JdbcStockRepository::toLevel)
                .list();
        long total =
                jdbc.sql("SELECT count(*) FROM stock_levels").query(Long.class).single();
        return new Page<>(content, request, total);
    }

    @Override
    public Map<ProductId, StockLevel> lockAll(Collection<ProductId> productIds) {
        // ORDER BY before FOR UPDATE: rows are locked in id order by every transaction, so none waits in a circle.
        return byProduct(
                productIds,
                "SELECT " + COLUMNS + " FROM stock_levels WHERE product_id IN (:ids) ORDER BY product_id FOR UPDATE");
    }

    @Override
    public void save(StockLevel level) {
        // Reserved and sold are not written: only reservations move them, and the CHECK proves the sum still holds.
        jdbc.sql("UPDATE stock_levels SET received = :received, available = :available WHERE product_id = :productId")
                .param("received", level.received())
                .param("available", level.available())
                .param("productId", level.productId().value())
                .update();
    }

    @Override
    public void reserve(ProductId productId, int quantity) {
        move(
                productId,
                quantity,
                "available = available - :quantity, reserved = reserved + :quantity",
                "available >= :quantity",
                "reserve");
    }

    @Override
    public void sell(ProductId productId, int quantity) {
        move(
                productId,
                quantity,
                "reserved = reserved - :quantity, sold = sold + :quantity",
                "reserved >= :quantity",
                "sell");
    }

    @Override
    public void release(ProductId productId, int quantity) {
        move(
                productId,
                quantity,
                "reserved = reserved - :quantity, available = available + :quantity",
                "reserved >= :quantity",
                "release");
    }

    private void move(ProductId productId, int quantity, String assignments, String enoughUnits, String action) {
        int updated = jdbc.sql(
                        "UPDATE stock_levels SET " + assignments + " WHERE product_id = :productId AND " + enoughUnits)
                .param("quantity", quantity)
                .param("productId", productId.value())
                .update();
        if (updated == 0) {
            // Rolls the whole transaction back: nothing of the reservation (or sale, or release) happens.
            throw new IllegalStateException(
                    "Cannot " + action + " " + quantity + " units of product " + productId + ": not enough units");
        }
    }

    private Map<ProductId, StockLevel> byProduct(Collection<ProductId> productIds, String sql) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(sql)
                .param("ids", productIds.stream().map(ProductId::value).toList())
                .query(JdbcStockRepository::toLevel)
                .list()
                .stream()
                .collect(Collectors.toMap(StockLevel::productId, Function.identity()));
    }

    private static StockLevel toLevel(ResultSet row, int rowNumber) throws SQLException {
        return new StockLevel(
                new ProductId(row.getObject("product_id", UUID.class)),
                row.getInt("received"),
                row.getInt("available"),
                row.getInt("reserved"),
                row.getInt("sold"));
    }
}
