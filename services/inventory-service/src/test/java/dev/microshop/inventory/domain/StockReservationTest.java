package dev.microshop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.reservation.OrderId;
import dev.microshop.inventory.domain.reservation.ReservationLine;
import dev.microshop.inventory.domain.reservation.ReservationStatus;
import dev.microshop.inventory.domain.reservation.StockReservation;
import dev.microshop.inventory.domain.stock.StockLevel;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StockReservationTest {

    private final OrderId order = new OrderId(UUID.randomUUID());
    private final ProductId mug = ProductId.newId();
    private final ProductId tea = ProductId.newId();

    @Test
    void reserves_every_line_when_all_products_have_enough_available() {
        Map<ProductId, StockLevel> stock = Map.of(mug, StockLevel.initial(mug, 2), tea, StockLevel.initial(tea, 5));

        StockReservation reservation =
                StockReservation.place(order, List.of(new ReservationLine(mug, 2), new ReservationLine(tea, 1)), stock);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(reservation.holdsStock()).isTrue();
        assertThat(reservation.lines())
                .containsExactlyInAnyOrder(new ReservationLine(mug, 2), new ReservationLine(tea, 1));
        assertThat(reservation.rejectionReason()).isNull();
    }

    @Test
    void reserves_nothing_when_one_product_is_short_and_says_how_short() {
        Map<ProductId, StockLevel> stock = Map.of(mug, StockLevel.initial(mug, 2), tea, StockLevel.initial(tea, 1));

        StockReservation reservation =
                StockReservation.place(order, List.of(new ReservationLine(mug, 1), new ReservationLine(tea, 3)), stock);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(reservation.holdsStock()).isFalse();
        assertThat(reservation.rejectionReason())
                .isEqualTo("Not enough stock of product " + tea + ": 3 requested, 1 available");
    }

    @Test
    void an_unknown_product_rejects_the_whole_order() {
        ProductId unknown = ProductId.newId();

        StockReservation reservation = StockReservation.place(
                order,
                List.of(new ReservationLine(mug, 1), new ReservationLine(unknown, 1)),
                Map.of(mug, StockLevel.initial(mug, 5)));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(reservation.rejectionReason()).isEqualTo("Product " + unknown + " does not exist");
    }

    @Test
    void lines_of_the_same_product_count_together() {
        Map<ProductId, StockLevel> stock = Map.of(mug, StockLevel.initial(mug, 3));

        StockReservation tooMany =
                StockReservation.place(order, List.of(new ReservationLine(mug, 2), new ReservationLine(mug, 2)), stock);
        StockReservation enough =
                StockReservation.place(order, List.of(new ReservationLine(mug, 1), new ReservationLine(mug, 2)), stock);

        assertThat(tooMany.rejectionReason()).contains("4 requested, 3 available");
        assertThat(enough.lines()).containsExactly(new ReservationLine(mug, 3));
    }

    @Test
    void an_order_without_items_is_rejected() {
        assertThat(StockReservation.place(order, List.of(), Map.of()).rejectionReason())
                .isEqualTo("The order has no items");
    }

    @Test
    void a_line_has_at_least_one_unit() {
        assertThatThrownBy(() -> new ReservationLine(mug, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_held_reservation_is_either_sold_or_released_once() {
        StockReservation held = StockReservation.place(
                order, List.of(new ReservationLine(mug, 1)), Map.of(mug, StockLevel.initial(mug, 1)));

        StockReservation sold = held.sell();
        StockReservation released = held.release();

        assertThat(sold.status()).isEqualTo(ReservationStatus.SOLD);
        assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(sold.holdsStock()).isFalse();
        assertThatThrownBy(sold::release).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(released::sell).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_rejected_reservation_can_be_neither_sold_nor_released() {
        StockReservation rejected = StockReservation.place(
                order, List.of(new ReservationLine(mug, 2)), Map.of(mug, StockLevel.initial(mug, 1)));

        assertThatThrownBy(rejected::sell).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(rejected::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_order_cancelled_before_its_reservation_holds_nothing() {
        StockReservation cancelled = StockReservation.cancelledBeforePlacing(order);

        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.lines()).isEmpty();
        assertThat(cancelled.holdsStock()).isFalse();
    }
}
