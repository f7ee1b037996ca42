package dev.microshop.notification.domain.notification;

/** What a notification is about; clients may show each kind differently. */
public enum NotificationKind {
    WELCOME,
    ORDER_RESERVED,
    ORDER_CONFIRMED,
    ORDER_SHIPPED,
    ORDER_CANCELLED
}
