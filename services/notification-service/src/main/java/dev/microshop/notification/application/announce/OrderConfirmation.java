package dev.microshop.notification.application.announce;

import java.math.BigDecimal;

/** The shopper's order is paid and final. */
public record OrderConfirmation(String userId, String orderId, BigDecimal total, String currency) {}
