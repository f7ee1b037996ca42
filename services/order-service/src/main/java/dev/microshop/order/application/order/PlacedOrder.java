package dev.microshop.order.application.order;

import dev.microshop.order.domain.order.Order;

/** The order a request placed, or, for a replayed idempotency key, the order placed the first time. */
public record PlacedOrder(Order order, boolean replayed) {}
