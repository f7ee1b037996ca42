package dev.microshop.notification.interfaces.messaging;

import dev.microshop.contracts.events.Money;
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

    OrderEventsListener(OncePerEvent oncePerEvent, AnnounceOrderConfirmed announceOrderConfirmed,
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
                OrderConfirmed confirmed = event.dataAs(OrderConfirmed.class);
                // A missing total reaches the domain as an amount without value, which it rejects (poison record).
                Money total = confirmed.total() == null ? new Money(null, null) : confirmed.total();
                oncePerEvent.handle(event, () -> announceOrderConfirmed.announce(new OrderConfirmation(
                        confirmed.userId(), confirmed.orderId(), total.amount(), total.currency())));
            }
            case OrderCancelled.TYPE -> {
                OrderCancelled cancelled = event.dataAs(OrderCancelled.class);
                oncePerEvent.handle(event, () -> announceOrderCancelled.announce(new OrderCancellation(
                        cancelled.userId(), cancelled.orderId(), cancelled.reason())));
            }
            default -> {
                // order.created, order.payment-requested and types added later: nothing to tell the shopper.
            }
        }
    }
}
