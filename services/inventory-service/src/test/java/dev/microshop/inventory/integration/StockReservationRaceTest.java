package dev.microshop.inventory.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.inventory.application.product.AddProduct;
import dev.microshop.inventory.application.reservation.ReserveStock;
import dev.microshop.inventory.application.reservation.ReserveStockCommand;
import dev.microshop.inventory.application.stock.GetStockLevel;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.reservation.OrderId;
import dev.microshop.inventory.domain.reservation.ReservationLine;
import dev.microshop.inventory.domain.reservation.ReservationStatus;
import dev.microshop.inventory.domain.reservation.StockReservation;
import dev.microshop.inventory.domain.stock.StockLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many orders for the last units at the same moment, against the real PostgreSQL: never oversold, never stuck. */
@InventoryServiceIntegrationTest
class StockReservationRaceTest {

    @Autowired
    AddProduct addProduct;

    @Autowired
    ReserveStock reserveStock;

    @Autowired
    GetStockLevel getStockLevel;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fifty_concurrent_orders_of_one_unit_for_ten_in_stock_reserve_exactly_ten() throws Exception {
        ProductId product = TestProducts.add(addProduct, 10);

        Map<ReservationStatus, Long> outcomes = concurrently(50, () -> reserve(new ReservationLine(product, 1)));

        assertThat(outcomes)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(ReservationStatus.RESERVED, 10L, ReservationStatus.REJECTED, 40L));
        assertThat(getStockLevel.get(product)).isEqualTo(new StockLevel(product, 10, 0, 10, 0));
    }

    @Test
    void concurrent_orders_naming_the_same_products_in_opposite_order_neither_deadlock_nor_oversell() throws Exception {
        ProductId mug = TestProducts.add(addProduct, 10);
        ProductId tea = TestProducts.add(addProduct, 10);
        List<Callable<StockReservation>> orders = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            orders.add(
                    n % 2 == 0
                            ? () -> reserve(new ReservationLine(mug, 1), new ReservationLine(tea, 1))
                            : () -> reserve(new ReservationLine(tea, 1), new ReservationLine(mug, 1)));
        }

        Map<ReservationStatus, Long> outcomes = concurrently(orders);

        assertThat(outcomes)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(ReservationStatus.RESERVED, 10L, ReservationStatus.REJECTED, 30L));
        assertThat(getStockLevel.get(mug)).isEqualTo(new StockLevel(mug, 10, 0, 10, 0));
        assertThat(getStockLevel.get(tea)).isEqualTo(new StockLevel(tea, 10, 0, 10, 0));
    }

    @Test
    void the_database_itself_refuses_negative_stock_and_counts_that_do_not_add_up() {
        ProductId product = TestProducts.add(addProduct, 1);

        assertThatThrownBy(() -> jdbc.sql("""
                UPDATE stock_levels SET available = available - 2, reserved = reserved + 2
                WHERE product_id = :id""").param("id", product.value()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("stock_levels_available_not_negative");
        assertThatThrownBy(() -> jdbc.sql("UPDATE stock_levels SET available = available + 1 WHERE product_id = :id")
                        .param("id", product.value())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("stock_levels_add_up");
    }

    private StockReservation reserve(ReservationLine... lines) {
        return reserveStock.reserve(new ReserveStockCommand(new OrderId(UUID.randomUUID()), List.of(lines)));
    }

    private static Map<ReservationStatus, Long> concurrently(int times, Callable<StockReservation> order)
            throws Exception {
        List<Callable<StockReservation>> orders = new ArrayList<>();
        for (int n = 0; n < times; n++) {
            orders.add(order);
        }
        return concurrently(orders);
    }

    /** Starts every order at the same moment, each on a thread of its own, and counts the outcomes. */
    private static Map<ReservationStatus, Long> concurrently(List<Callable<StockReservation>> orders) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(orders.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<StockReservation>> results = new ArrayList<>();
            for (Callable<StockReservation> order : orders) {
                results.add(threads.submit(() -> {
                    go.await();
                    return order.call();
                }));
            }
            go.countDown();
            List<StockReservation> reservations = new ArrayList<>();
            for (Future<StockReservation> result : results) {
                reservations.add(result.get(60, TimeUnit.SECONDS));
            }
            return reservations.stream()
                    .collect(Collectors.groupingBy(StockReservation::status, Collectors.counting()));
        } finally {
            threads.shutdownNow();
        }
    }
}
