package dev.microshop.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.notification.domain.notification.InvalidNotificationException;
import dev.microshop.notification.domain.notification.Money;
import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.NotificationKind;
import dev.microshop.notification.domain.notification.NotificationNotFoundException;
import dev.microshop.notification.domain.notification.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationTest {

    static final Instant NOW = Instant.parse("2026-05-04T10:15:30Z");
    static final UserId ANNA = new UserId(UUID.randomUUID());
    static final UserId BERT = new UserId(UUID.randomUUID());

    @Test
    void a_welcome_greets_the_shopper_by_name_and_is_unread() {
        Notification welcome = Notification.welcome(ANNA, "Anna", NOW);

        assertThat(welcome.kind()).isEqualTo(NotificationKind.WELCOME);
        assertThat(welcome.recipient()).isEqualTo(ANNA);
        assertThat(welcome.title()).isEqualTo("Welcome to microshop");
        assertThat(welcome.message()).startsWith("Hello Anna, your account is ready.");
        assertThat(welcome.reference()).isNull();
        assertThat(welcome.createdAt()).isEqualTo(NOW);
        assertThat(welcome.read()).isFalse();
    }

    @Test
    void a_welcome_without_a_name_still_greets() {
        assertThat(Notification.welcome(ANNA, " ", NOW).message()).startsWith("Hello, your account is ready.");
    }

    @Test
    void a_confirmed_order_names_the_order_and_what_was_paid() {
        Notification confirmed =
                Notification.orderConfirmed(ANNA, "order-7", new Money(new BigDecimal("25.00"), "EUR"), NOW);

        assertThat(confirmed.kind()).isEqualTo(NotificationKind.ORDER_CONFIRMED);
        assertThat(confirmed.title()).isEqualTo("Order confirmed");
        assertThat(confirmed.message()).isEqualTo("Your order order-7 is confirmed and paid: 25.00 EUR.");
        assertThat(confirmed.reference()).isEqualTo("order-7");
    }

    @Test
    void a_reserved_order_says_the_payment_is_being_taken_and_a_shipped_one_that_it_left() {
        Notification reserved =
                Notification.orderReserved(ANNA, "order-9", new Money(new BigDecimal("12.50"), "EUR"), NOW);
        Notification shipped = Notification.orderShipped(ANNA, "order-9", NOW);

        assertThat(reserved.kind()).isEqualTo(NotificationKind.ORDER_RESERVED);
        assertThat(reserved.message())
                .isEqualTo("Your order order-9 is reserved; its payment of 12.50 EUR is being taken.");
        assertThat(shipped.kind()).isEqualTo(NotificationKind.ORDER_SHIPPED);
        assertThat(shipped.message()).isEqualTo("Your order order-9 has left the warehouse.");
        assertThat(shipped.reference()).isEqualTo("order-9");
        assertThatThrownBy(() -> Notification.orderReserved(ANNA, "order-9", null, NOW))
                .isInstanceOf(InvalidNotificationException.class);
        assertThatThrownBy(() -> Notification.orderShipped(ANNA, " ", NOW))
                .isInstanceOf(InvalidNotificationException.class);
    }

    @Test
    void a_cancelled_order_says_why_and_that_nothing_is_charged() {
        Notification cancelled = Notification.orderCancelled(ANNA, "order-8", "payment declined", NOW);

        assertThat(cancelled.kind()).isEqualTo(NotificationKind.ORDER_CANCELLED);
        assertThat(cancelled.message())
                .isEqualTo("Your order order-8 was cancelled: payment declined."
                        + " Nothing is charged for it; anything already paid is refunded.");
        assertThat(cancelled.reference()).isEqualTo("order-8");
    }

    @Test
    void a_cancellation_without_a_reason_reads_well() {
        assertThat(Notification.orderCancelled(ANNA, "order-9", null, NOW).message())
                .startsWith("Your order order-9 was cancelled. Nothing is charged");
    }

    @Test
    void a_runaway_cancellation_reason_is_shortened_so_the_message_stays_readable() {
        Notification cancelled = Notification.orderCancelled(ANNA, "order-10", "x".repeat(5000), NOW);

        assertThat(cancelled.message()).hasSizeLessThan(500).contains("x…");
    }

    @Test
    void an_order_notification_needs_the_order_and_a_recipient() {
        assertThatThrownBy(() -> Notification.orderCancelled(ANNA, " ", "no stock", NOW))
                .isInstanceOf(InvalidNotificationException.class);
        assertThatThrownBy(() -> Notification.orderConfirmed(null, "order-11", new Money(BigDecimal.ONE, "EUR"), NOW))
                .isInstanceOf(InvalidNotificationException.class);
        assertThatThrownBy(() -> Notification.orderConfirmed(ANNA, "order-11", null, NOW))
                .isInstanceOf(InvalidNotificationException.class);
    }

    @Test
    void an_amount_needs_a_currency() {
        assertThatThrownBy(() -> new Money(BigDecimal.TEN, "")).isInstanceOf(InvalidNotificationException.class);
    }

    @Test
    void the_recipient_can_mark_it_read_and_marking_again_changes_nothing() {
        Notification welcome = Notification.welcome(ANNA, "Anna", NOW);

        Notification read = welcome.markReadBy(ANNA);

        assertThat(read.read()).isTrue();
        assertThat(read).usingRecursiveComparison().ignoringFields("read").isEqualTo(welcome);
        assertThat(read.markReadBy(ANNA)).isEqualTo(read);
    }

    @Test
    void for_anyone_but_the_recipient_the_notification_does_not_exist() {
        Notification welcome = Notification.welcome(ANNA, "Anna", NOW);

        assertThatThrownBy(() -> welcome.markReadBy(BERT))
                .isInstanceOf(NotificationNotFoundException.class)
                .hasMessage("You have no notification " + welcome.id());
    }

    @Test
    void a_user_id_from_outside_must_be_a_uuid() {
        assertThat(UserId.parse(" " + ANNA + " ")).isEqualTo(ANNA);
        assertThatThrownBy(() -> UserId.parse("anna")).isInstanceOf(InvalidNotificationException.class);
        assertThatThrownBy(() -> UserId.parse(null)).isInstanceOf(InvalidNotificationException.class);
    }
}
