package dev.microshop.notification.application.announce;

/** The shopper's order will not be fulfilled, for {@code reason}. */
public record OrderCancellation(String userId, String orderId, String reason) {}
