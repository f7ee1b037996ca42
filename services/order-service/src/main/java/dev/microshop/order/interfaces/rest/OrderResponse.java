package dev.microshop.order.interfaces.rest;

import dev.microshop.order.domain.order.Money;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderLine;
import java.time.Instant;
import java.util.List;

/** An order as clients see it; money as {@code {"amount":"12.50","currency":"EUR"}}. */
record OrderResponse(
        String id,
        String userId,
        String status,
        List<Item> items,
        MoneyJson total,
        String cancellationReason,
        String paymentMethod,
        Instant placedAt,
        Instant updatedAt) {

    record Item(String productId, int quantity, MoneyJson unitPrice, MoneyJson lineTotal) {

        static Item of(OrderLine line) {
            return new Item(
                    line.productId().toString(),
                    line.quantity(),
                    MoneyJson.of(line.unitPrice()),
                    MoneyJson.of(line.total()));
        }
    }

    record MoneyJson(String amount, String currency) {

        static MoneyJson of(Money money) {
            return new MoneyJson(money.amount().toPlainString(), money.currency());
        }
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(
                order.id().toString(),
                order.userId().toString(),
                order.status().name(),
                order.lines().stream().map(Item::of).toList(),
                MoneyJson.of(order.total()),
                order.cancellationReason().orElse(null),
                order.paymentMethod().value(),
                order.placedAt(),
                order.updatedAt());
    }
}
