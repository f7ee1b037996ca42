package dev.microshop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.inventory.domain.product.InvalidProductException;
import dev.microshop.inventory.domain.product.InvalidProductIdException;
import dev.microshop.inventory.domain.product.Product;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.product.Sku;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static Product create(String name, String amount, String currency) {
        return Product.create(ProductId.newId(), Sku.of("MUG-1"), name, "A mug", new BigDecimal(amount), currency);
    }

    @Test
    void a_new_product_has_a_trimmed_name_and_a_price_in_whole_cents() {
        Product product = create("  Ceramic mug ", "12.5", "EUR");

        assertThat(product.name()).isEqualTo("Ceramic mug");
        assertThat(product.price().amount()).isEqualByComparingTo("12.50");
        assertThat(product.price().amount().toPlainString()).isEqualTo("12.50");
        assertThat(product.price().currency()).isEqualTo("EUR");
    }

    @Test
    void a_missing_description_is_empty() {
        Product product = Product.create(ProductId.newId(), Sku.of("MUG-1"), "Mug", null, new BigDecimal("1"), "EUR");

        assertThat(product.description()).isEmpty();
    }

    @Test
    void a_product_needs_a_name() {
        assertThatThrownBy(() -> create("   ", "1.00", "EUR"))
                .isInstanceOfSatisfying(
                        InvalidProductException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("name"));
    }

    @Test
    void a_price_is_more_than_zero_in_whole_cents_and_in_euros() {
        assertThatThrownBy(() -> create("Mug", "0", "EUR")).hasMessageContaining("more than zero");
        assertThatThrownBy(() -> create("Mug", "-3", "EUR")).hasMessageContaining("more than zero");
        assertThatThrownBy(() -> create("Mug", "1.005", "EUR")).hasMessageContaining("whole cents");
        assertThatThrownBy(() -> create("Mug", "1000000", "EUR")).hasMessageContaining("less than 1000000");
        assertThatThrownBy(() -> create("Mug", "10.00", "USD"))
                .isInstanceOfSatisfying(
                        InvalidProductException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("price.currency"));
    }

    @Test
    void trailing_zeros_beyond_the_cents_are_accepted() {
        assertThat(create("Mug", "3.5000", "EUR").price().amount().toPlainString())
                .isEqualTo("3.50");
    }

    @Test
    void a_sku_is_upper_cased_and_trimmed() {
        assertThat(Sku.of("  mug-cer-350 ")).isEqualTo(new Sku("MUG-CER-350"));
    }

    @Test
    void a_sku_is_3_to_40_letters_digits_or_dashes() {
        assertThatThrownBy(() -> Sku.of("ab")).isInstanceOf(InvalidProductException.class);
        assertThatThrownBy(() -> Sku.of("-ABC")).isInstanceOf(InvalidProductException.class);
        assertThatThrownBy(() -> Sku.of("MUG 1")).isInstanceOf(InvalidProductException.class);
        assertThatThrownBy(() -> Sku.of("A".repeat(41))).isInstanceOf(InvalidProductException.class);
        assertThat(Sku.of("A".repeat(40)).value()).hasSize(40);
    }

    @Test
    void a_product_id_from_outside_must_be_a_uuid() {
        assertThatThrownBy(() -> ProductId.parse("42"))
                .isInstanceOf(InvalidProductIdException.class)
                .hasMessage("Product id '42' is not a UUID");
    }
}
