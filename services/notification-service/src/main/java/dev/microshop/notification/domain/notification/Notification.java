package dev.microshop.notification.domain.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * A message for one shopper about something that happened to their account or an order. Its text is fixed when
 * it is written; afterwards only its recipient can change anything, and only by reading it.
 *
 * @param reference what it is about, e.g. the order id; {@code null} when about nothing in particular
 */
public record Notification(
        NotificationId id,
        UserId recipient,
        NotificationKind kind,
        String title,
        String message,
        String reference,
        Instant createdAt,
        boolean read) {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_MESSAGE_LENGTH = 1000;
    /** A cancellation reason comes from another service; a runaway one must not flood the shopper's screen. */
    static final int MAX_REASON_LENGTH = 300;

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        if (recipient == null) {
            throw new InvalidNotificationException("A notification needs a recipient");
        }
        requireText("title", title, MAX_TITLE_LENGTH);
        requireText("message", message, MAX_MESSAGE_LENGTH);
    }

    /** Greets a shopper who just signed up. */
    public static Notification welcome(UserId recipient, String name, Instant now) {
        String greeting = name == null || name.isBlank() ? "Hello" : "Hello " + name.strip();
        return unread(
                recipient,
                NotificationKind.WELCOME,
                "Welcome to microshop",
                greeting + ", your account is ready. Browse the catalog and place your first order.",
                null,
                now);
    }

    /** Tells a shopper their order's items are set aside and the payment is being taken. */
    public static Notification orderReserved(UserId recipient, String orderId, Money amount, Instant now) {
        requireOrder(orderId);
        if (amount == null) {
            throw new InvalidNotificationException("A reserved order needs the amount to pay");
        }
        return unread(
                recipient,
                NotificationKind.ORDER_RESERVED,
                "Order reserved",
                "Your order " + orderId + " is reserved; its payment of " + amount + " is being taken.",
                orderId,
                now);
    }

    /** Tells a shopper their order is on its way. */
    public static Notification orderShipped(UserId recipient, String orderId, Instant now) {
        requireOrder(orderId);
        return unread(
                recipient,
                NotificationKind.ORDER_SHIPPED,
                "Order shipped",
                "Your order " + orderId + " has left the warehouse.",
                orderId,
                now);
    }

    /** Tells a shopper their order is paid and will be fulfilled. */
    public static Notification orderConfirmed(UserId recipient, String orderId, Money total, Instant now) {
        requireOrder(orderId);
        if (total == null) {
            throw new InvalidNotificationException("A confirmed order needs its total");
        }
        return unread(
                recipient,
                NotificationKind.ORDER_CONFIRMED,
                "Order confirmed",
                "Your order " + orderId + " is confirmed and paid: " + total + ".",
                orderId,
                now);
    }

    /** Tells a shopper their order will not be fulfilled, and why. */
    public static Notification orderCancelled(UserId recipient, String orderId, String reason, Instant now) {
        requireOrder(orderId);
        String message = "Your order " + orderId + " was cancelled";
        message += reason == null || reason.isBlank() ? "." : ": " + shortened(reason.strip()) + ".";
        return unread(
                recipient,
                NotificationKind.ORDER_CANCELLED,
                "Order cancelled",
                message + " Nothing is charged for it; anything already paid is refunded.",
                orderId,
                now);
    }

    /** The same notification, read; only its recipient may read it, for anyone else it does not exist. */
    public Notification markReadBy(UserId reader) {
        if (!recipient.equals(reader)) {
            throw new NotificationNotFoundException(id.toString());
        }
        return read ? this : new Notification(id, recipient, kind, title, message, reference, createdAt, true);
    }

    private static Notification unread(
            UserId recipient, NotificationKind kind, String title, String message, String reference, Instant now) {
        return new Notification(NotificationId.newId(), recipient, kind, title, message, reference, now, false);
    }

    private static void requireOrder(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new InvalidNotificationException("An order notification needs the order id");
        }
    }

    private static String shortened(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    private static void requireText(String field, String text, int maxLength) {
        if (text == null || text.isBlank() || text.length() > maxLength) {
            throw new InvalidNotificationException(
                    "A notification's " + field + " must have 1 to " + maxLength + " characters");
        }
    }
}
