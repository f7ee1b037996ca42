package dev.microshop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.order.domain.order.CancellationCause;
import dev.microshop.order.domain.order.IdempotencyKey;
import dev.microshop.order.domain.order.InvalidOrderException;
import dev.microshop.order.domain.order.Money;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderEvent;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.order.domain.order.OrderLine;
import dev.microshop.order.domain.order.OrderStateException;
import dev.microshop.order.domain.order.OrderStatus;
import dev.microshop.order.domain.order.PaymentMethod;
import dev.microshop.order.domain.order.ProductId;
import dev.microshop.order.domain.order.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

    static final Instant PLACED = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final UserId SHOPPER = new UserId(UUID.randomUUID());
    static final ProductId MUG = new ProductId(UUID.randomUUID());
    static final ProductId TEA = new ProductId(UUID.randomUUID());

    static Order placed(OrderLine... lines) {
        return Order.place(OrderId.newId(), SHOPPER, List.of(lines), new PaymentMethod("pm-ok"), null, PLACED);
    }

    static Order placedMugs() {
        Order order = placed(new OrderLine(MUG, 2, Money.of("12.50", "EUR")));
        order.pullEvents();
        return order;
    }

    static Order confirmed() {
        Order order = placedMugs();
        order.markReserved(PLACED.plusSeconds(1), DEADLINE);
        order.confirm(PLACED.plusSeconds(2));
        order.pullEvents();
        return order;
    }

    @Test
    void the_total_is_the_sum_of_quantity_times_unit_price() {
        Order order =
                placed(new OrderLine(MUG, 2, Money.of("12.50", "EUR")), new OrderLine(TEA, 3, Money.of("3.3", "EUR")));

        assertThat(order.total()).isEqualTo(Money.of("34.90", "EUR"));
        assertThat(order.total().amount().toPlainString()).isEqualTo("34.90");
    }

    @Test
    void two_lines_of_the_same_product_become_one() {
        Order order = placed(
                new OrderLine(MUG, 2, Money.of("12.50", "EUR")), new OrderLine(MUG, 1, Money.of("12.50", "EUR")));

        assertThat(order.lines()).containsExactly(new OrderLine(MUG, 3, Money.of("12.50", "EUR")));
        assertThat(order.total()).isEqualTo(Money.of("37.50", "EUR"));
    }

    @Test
    void a_new_order_is_pending_and_announces_itself() {
        Order order = placed(new OrderLine(MUG, 2, Money.of("12.50", "EUR")));

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.pullEvents()).singleElement().isInstanceOfSatisfying(OrderEvent.OrderPlaced.class, placed -> {
            assertThat(placed.total()).isEqualTo(Money.of("25.00", "EUR"));
            assertThat(placed.lines()).hasSize(1);
        });
        assertThat(order.pullEvents()).as("each event is handed out once").isEmpty();
    }

    @Test
    void an_order_needs_items_with_positive_quantities_in_one_currency() {
        assertThatThrownBy(() -> placed())
                .isInstanceOf(InvalidOrderException.class)
                .hasMessage("An order needs at least one item");
        assertThatThrownBy(() -> placed(new OrderLine(MUG, 0, Money.of("1.00", "EUR"))))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("between 1 and 1000, not 0");
        assertThatThrownBy(() -> placed(
                        new OrderLine(MUG, 1, Money.of("1.00", "EUR")), new OrderLine(TEA, 1, Money.of("1.00", "USD"))))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("one currency");
    }

    @Test
    void money_has_exactly_two_decimals() {
        assertThat(Money.of("7", "EUR").amount().toPlainString()).isEqualTo("7.00");
        assertThatThrownBy(() -> Money.of("0.001", "EUR")).isInstanceOf(InvalidOrderException.class);
    }

    @Test
    void reserved_stock_requests_payment_of_the_total_before_the_deadline() {
        Order order = placedMugs();

        order.markReserved(PLACED.plusSeconds(1), DEADLINE);

        assertThat(order.status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(order.pullEvents())
                .singleElement()
                .isEqualTo(new OrderEvent.PaymentRequested(
                        order.id(),
                        SHOPPER,
                        Money.of("25.00", "EUR"),
                        new PaymentMethod("pm-ok"),
                        PLACED.plus(DEADLINE)));
    }

    @Test
    void payment_confirms_a_reserved_order_and_ends_the_saga() {
        Order order = placedMugs();
        order.markReserved(PLACED.plusSeconds(1), DEADLINE);

        order.confirm(PLACED.plusSeconds(3));

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.pullEvents())
                .last()
                .isEqualTo(new OrderEvent.OrderConfirmed(order.id(), SHOPPER, Money.of("25.00", "EUR")));
        assertThat(order.sagaDuration()).contains(Duration.ofSeconds(3));
    }

    @Test
    void a_pending_order_cannot_be_confirmed() {
        Order order = placedMugs();

        assertThatThrownBy(() -> order.confirm(PLACED))
                .isInstanceOf(OrderStateException.class)
                .hasMessage("Order " + order.id() + " is PENDING and cannot be confirmed");
    }

    @Test
    void cancelling_before_confirmation_keeps_the_reason_and_announces_it() {
        Order order = placedMugs();
        order.markReserved(PLACED.plusSeconds(1), DEADLINE);
        order.pullEvents();

        order.cancel(CancellationCause.PAYMENT_FAILED, "Payment failed: declined", PLACED.plusSeconds(2));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains("Payment failed: declined");
        assertThat(order.cancellationCause()).contains(CancellationCause.PAYMENT_FAILED);
        assertThat(order.pullEvents())
                .containsExactly(new OrderEvent.OrderCancelled(order.id(), SHOPPER, "Payment failed: declined"));
    }

    @Test
    void cancelling_a_cancelled_order_changes_nothing() {
        Order order = placedMugs();
        order.cancel(CancellationCause.BY_CUSTOMER, "first", PLACED.plusSeconds(1));
        order.pullEvents();

        order.cancel(CancellationCause.PAYMENT_FAILED, "second", PLACED.plusSeconds(2));

        assertThat(order.cancellationReason()).contains("first");
        assertThat(order.cancellationCause()).contains(CancellationCause.BY_CUSTOMER);
        assertThat(order.updatedAt()).isEqualTo(PLACED.plusSeconds(1));
        assertThat(order.pullEvents()).isEmpty();
    }

    @Test
    void a_confirmed_order_cannot_be_cancelled() {
        Order order = confirmed();

        assertThatThrownBy(() -> order.cancel(CancellationCause.DEADLINE_PASSED, "too late", PLACED.plusSeconds(5)))
                .isInstanceOf(OrderStateException.class)
                .hasMessageContaining("CONFIRMED and cannot be cancelled");
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void a_cancelled_order_cannot_be_reserved_confirmed_or_shipped() {
        Order order = placedMugs();
        order.cancel(CancellationCause.DEADLINE_PASSED, "deadline", PLACED.plusSeconds(30));

        assertThatThrownBy(() -> order.markReserved(PLACED.plusSeconds(31), DEADLINE))
                .isInstanceOf(OrderStateException.class);
        assertThatThrownBy(() -> order.confirm(PLACED.plusSeconds(31))).isInstanceOf(OrderStateException.class);
        assertThatThrownBy(() -> order.ship(PLACED.plusSeconds(31))).isInstanceOf(OrderStateException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void only_a_confirmed_order_can_be_shipped() {
        assertThatThrownBy(() -> placedMugs().ship(PLACED))
                .isInstanceOf(OrderStateException.class)
                .hasMessageContaining("PENDING and cannot be shipped");

        Order order = confirmed();
        order.ship(PLACED.plusSeconds(60));

        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.pullEvents())
                .singleElement()
                .isEqualTo(new OrderEvent.OrderShipped(order.id(), order.userId(), PLACED.plusSeconds(60)));
    }

    @Test
    void a_shipped_order_never_changes_again() {
        Order order = confirmed();
        order.ship(PLACED.plusSeconds(60));

        assertThatThrownBy(() -> order.cancel(CancellationCause.BY_CUSTOMER, "changed my mind", PLACED.plusSeconds(61)))
                .isInstanceOf(OrderStateException.class)
                .hasMessageContaining("SHIPPED and cannot be cancelled");
        assertThatThrownBy(() -> order.markReserved(PLACED.plusSeconds(61), DEADLINE))
                .isInstanceOf(OrderStateException.class);
        assertThatThrownBy(() -> order.confirm(PLACED.plusSeconds(61))).isInstanceOf(OrderStateException.class);
        assertThatThrownBy(() -> order.ship(PLACED.plusSeconds(61))).isInstanceOf(OrderStateException.class);
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.updatedAt()).isEqualTo(PLACED.plusSeconds(60));
        assertThat(order.cancellationReason()).isEmpty();
    }

    @Test
    void an_idempotency_key_is_visible_ascii_of_at_most_100_characters() {
        assertThat(new IdempotencyKey("order-2026-03-01-1").value()).isEqualTo("order-2026-03-01-1");
        assertThatThrownBy(() -> new IdempotencyKey("has space")).isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(101))).isInstanceOf(InvalidOrderException.class);
    }
}
