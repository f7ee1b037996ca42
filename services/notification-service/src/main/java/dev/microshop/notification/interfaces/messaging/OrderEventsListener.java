package dev.microshop.notification.interfaces.messaging;

import dev.microshop.contracts.events.OrderEvents.OrderCancelled;
import dev.microshop.contracts.events.OrderEvents.OrderConfirmed;
import dev.microshop.contracts.events.Topics;
import dev.microshop.notification.application.announce.AnnounceOrderCancelled;
import dev.microshop.notification.application.announce.AnnounceOrderConfirmed;
import dev.microshop.notification.application.announce.OrderCancellation;
import dev.microshop.notification.application.announce.OrderConfirmation;
import dev.microshop.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tells shoppers how their orders ended; the saga's steps in between are not news to them. */
@Component
class OrderEventsListener {

    private final OncePerEvent oncePerEvent;
    private final AnnounceOrderConfirmed announceOrderConfirmed;
    private final AnnounceOrderCancelled announceOrderCancelled;

    OrderEventsListener(
            OncePerEvent oncePerEvent,
            AnnounceOrderConfirmed announceOrderConfirmed,
            AnnounceOrderCancelled announceOrderCancelled) {
        this.oncePerEvent = oncePerEvent;
        this.announceOrderConfirmed = announceOrderConfirmed;
        this.announceOrderCancelled = announceOrderCancelled;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = OncePerEvent.CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
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
                // order.created, order.payment-requested and types added later: nothing to tell the shopper.
            }
        }
    }
}
