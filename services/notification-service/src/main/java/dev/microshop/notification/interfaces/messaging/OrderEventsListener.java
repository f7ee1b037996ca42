package dev.microshop.notification.interfaces.messaging;

import dev.microshop.contracts.events.OrderEvents.OrderCancelled;
import dev.microshop.contracts.events.OrderEvents.OrderConfirmed;
import dev.microshop.contracts.events.OrderEvents.OrderPaymentRequested;
import dev.microshop.contracts.events.OrderEvents.OrderShipped;
import dev.microshop.contracts.events.Topics;
import dev.microshop.notification.application.announce.AnnounceOrderCancelled;
import dev.microshop.notification.application.announce.AnnounceOrderConfirmed;
import dev.microshop.notification.application.announce.AnnounceOrderProgress;
import dev.microshop.notification.application.announce.AnnounceOrderProgress.OrderStep;
import dev.microshop.notification.application.announce.OrderCancellation;
import dev.microshop.notification.application.announce.OrderConfirmation;
import dev.microshop.platform.messaging.IncomingEvent;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tells shoppers every change of their orders' status: reserved, confirmed, shipped or cancelled. */
@Component
class OrderEventsListener {

    private final OncePerEvent oncePerEvent;
    private final AnnounceOrderConfirmed announceOrderConfirmed;
    private final AnnounceOrderCancelled announceOrderCancelled;
    private final AnnounceOrderProgress announceOrderProgress;

    OrderEventsListener(
            OncePerEvent oncePerEvent,
            AnnounceOrderConfirmed announceOrderConfirmed,
            AnnounceOrderCancelled announceOrderCancelled,
            AnnounceOrderProgress announceOrderProgress) {
        this.oncePerEvent = oncePerEvent;
        this.announceOrderConfirmed = announceOrderConfirmed;
        this.announceOrderCancelled = announceOrderCancelled;
        this.announceOrderProgress = announceOrderProgress;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = OncePerEvent.CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case OrderPaymentRequested.TYPE -> {
                OrderPaymentRequested requested = event.mapped(OrderPaymentRequested.class, order -> {
                    Objects.requireNonNull(order.amount(), "amount");
                    return order;
                });
                oncePerEvent.handle(
                        event,
                        () -> announceOrderProgress.reserved(
                                new OrderStep(requested.userId(), requested.orderId()),
                                requested.amount().amount(),
                                requested.amount().currency()));
            }
            case OrderShipped.TYPE -> {
                OrderStep shipped =
                        event.mapped(OrderShipped.class, order -> new OrderStep(order.userId(), order.orderId()));
                oncePerEvent.handle(event, () -> announceOrderProgress.shipped(shipped));
            }
            case OrderConfirmed.TYPE -> {
                OrderConfirmation confirmation = event.mapped(
                        OrderConfirmed.class,
                        confirmed -> new OrderConfirmation(
                                confirmed.userId(),
                                confirmed.orderId(),
                                confirmed.total().amount(),
                                confirmed.total().currency()));
                oncePerEvent.handle(event, () -> announceOrderConfirmed.announce(confirmation));
            }
            case OrderCancelled.TYPE -> {
                OrderCancellation cancellation = event.mapped(
                        OrderCancelled.class,
                        cancelled ->
                                new OrderCancellation(cancelled.userId(), cancelled.orderId(), cancelled.reason()));
                oncePerEvent.handle(event, () -> announceOrderCancelled.announce(cancellation));
            }
            default -> {
                // order.created and types added later: nothing to tell the shopper.
            }
        }
    }
}
