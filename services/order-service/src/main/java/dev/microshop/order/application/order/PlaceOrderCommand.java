package dev.microshop.order.application.order;

import java.util.List;

/**
 * A shopper's order as they sent it: products and quantities, the means of payment, and an optional
 * idempotency key (null for none).
 */
public record PlaceOrderCommand(String userId, List<Item> items, String paymentMethod, String idempotencyKey) {

    public PlaceOrderCommand {
        items = List.copyOf(items);
    }

    public record Item(String productId, int quantity) {}
}
