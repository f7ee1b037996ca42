package dev.microshop.order.infrastructure.messaging;

import dev.microshop.contracts.events.Money;
import dev.microshop.contracts.events.OrderEvents;
import dev.microshop.contracts.events.Topics;
import dev.microshop.order.application.port.OrderEventPublisher;
import dev.microshop.order.domain.order.OrderEvent;
import dev.microshop.platform.messaging.Outbox;
import dev.microshop.platform.messaging.OutgoingEvent;
import org.springframework.stereotype.Component;

/** Order events in the contract's shape on {@code order-events}, keyed by order id, through the transactional outbox. */
@Component
class OutboxOrderEventPublisher implements OrderEventPublisher {

    private final Outbox outbox;

    OutboxOrderEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(OrderEvent event) {
        String orderId = event.orderId().toString();
        String userId = event.userId().toString();
        switch (event) {
            case OrderEvent.OrderPlaced placed ->
                append(
                        orderId,
                        OrderEvents.OrderCreated.TYPE,
                        new OrderEvents.OrderCreated(
                                orderId,
                                userId,
                                placed.lines().stream()
                                        .map(line -> new OrderEvents.OrderedItem(
                                                line.productId().toString(), line.quantity(), money(line.unitPrice())))
                                        .toList(),
                                money(placed.total()),
                                placed.placedAt()));
            case OrderEvent.PaymentRequested requested ->
                append(
                        orderId,
                        OrderEvents.OrderPaymentRequested.TYPE,
                        new OrderEvents.OrderPaymentRequested(
                                orderId,
                                userId,
                                money(requested.amount()),
                                requested.paymentMethod().value(),
                                requested.payBefore()));
            case OrderEvent.OrderConfirmed confirmed ->
                append(
                        orderId,
                        OrderEvents.OrderConfirmed.TYPE,
                        new OrderEvents.OrderConfirmed(orderId, userId, money(confirmed.total())));
            case OrderEvent.OrderShipped shipped ->
                append(
                        orderId,
                        OrderEvents.OrderShipped.TYPE,
                        new OrderEvents.OrderShipped(orderId, userId, shipped.shippedAt()));
            case OrderEvent.OrderCancelled cancelled ->
                append(
                        orderId,
                        OrderEvents.OrderCancelled.TYPE,
                        new OrderEvents.OrderCancelled(orderId, userId, cancelled.reason()));
        }
    }

    private void append(String orderId, String type, Object data) {
        outbox.append(new OutgoingEvent(Topics.ORDER_EVENTS, orderId, type, orderId, data));
    }

    private static Money money(dev.microshop.order.domain.order.Money money) {
        return new Money(money.amount(), money.currency());
    }
}
