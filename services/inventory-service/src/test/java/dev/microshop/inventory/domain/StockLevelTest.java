package dev.microshop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.stock.InvalidStockChangeException;
import dev.microshop.inventory.domain.stock.StockLevel;
import org.junit.jupiter.api.Test;

class StockLevelTest {

    private final ProductId product = ProductId.newId();

    @Test
    void initial_stock_is_received_and_all_available() {
        assertThat(StockLevel.initial(product, 100)).isEqualTo(new StockLevel(product, 100, 100, 0, 0));
    }

    @Test
    void counts_must_add_up_to_what_was_received() {
        assertThatThrownBy(() -> new StockLevel(product, 10, 5, 2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevel(product, 0, -1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_stock_count_sets_what_is_available_and_leaves_reservations_and_sales_alone() {
        StockLevel level = new StockLevel(product, 100, 60, 30, 10);

        StockLevel moreFound = level.withAvailable(70);
        StockLevel writtenOff = level.withAvailable(0);

        assertThat(moreFound).isEqualTo(new StockLevel(product, 110, 70, 30, 10));
        assertThat(writtenOff).isEqualTo(new StockLevel(product, 40, 0, 30, 10));
    }

    @Test
    void available_stock_cannot_be_set_below_zero() {
        assertThatThrownBy(() -> StockLevel.initial(product, 5).withAvailable(-1))
                .isInstanceOf(InvalidStockChangeException.class)
                .hasMessage("Available stock cannot be negative");
    }

    @Test
    void a_delivery_adds_received_and_available_units() {
        assertThat(new StockLevel(product, 10, 2, 3, 5).receive(8)).isEqualTo(new StockLevel(product, 18, 10, 3, 5));
        assertThatThrownBy(() -> StockLevel.initial(product, 5).receive(0))
                .isInstanceOf(InvalidStockChangeException.class);
    }

    @Test
    void initial_stock_cannot_be_negative() {
        assertThatThrownBy(() -> StockLevel.initial(product, -1)).isInstanceOf(InvalidStockChangeException.class);
    }

    @Test
    void covers_only_what_is_available() {
        StockLevel level = new StockLevel(product, 10, 3, 7, 0);

        assertThat(level.covers(3)).isTrue();
        assertThat(level.covers(4)).isFalse();
    }
}
