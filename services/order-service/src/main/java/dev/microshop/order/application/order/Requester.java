package dev.microshop.order.application.order;

import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.UserId;

/** Who asks: a shopper sees and changes their own orders, an administrator every order. */
public record Requester(UserId userId, boolean administrator) {

    public boolean maySee(Order order) {
        return administrator || order.isOwnedBy(userId);
    }
}
