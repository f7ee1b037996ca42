package dev.microshop.payment.infrastructure.messaging;

import dev.microshop.contracts.events.PaymentEvents;
import dev.microshop.contracts.events.Topics;
import dev.microshop.payment.application.port.PaymentEventPublisher;
import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.PaymentEvent;
import dev.microshop.platform.messaging.Outbox;
import dev.microshop.platform.messaging.OutgoingEvent;
import org.springframework.stereotype.Component;

/**
 * Writes payment events to the outbox in the transaction that caused them; the relay publishes them as
 * CloudEvents to {@code payment-events}, keyed by order id.
 */
@Component
class OutboxPaymentEventPublisher implements PaymentEventPublisher {

    private final Outbox outbox;

    OutboxPaymentEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(PaymentEvent event) {
        String orderId = event.orderId().value();
        switch (event) {
            case PaymentEvent.Completed completed ->
                outbox.append(new OutgoingEvent(
                        Topics.PAYMENT_EVENTS,
                        orderId,
                        PaymentEvents.PaymentCompleted.TYPE,
                        orderId,
                        new PaymentEvents.PaymentCompleted(
                                orderId,
                                completed.payment().id().toString(),
                                contract(completed.payment().amount()))));
            case PaymentEvent.Failed failed ->
                outbox.append(new OutgoingEvent(
                        Topics.PAYMENT_EVENTS,
                        orderId,
                        PaymentEvents.PaymentFailed.TYPE,
                        orderId,
                        new PaymentEvents.PaymentFailed(orderId, failed.reason())));
            case PaymentEvent.Refunded refunded ->
                outbox.append(new OutgoingEvent(
                        Topics.PAYMENT_EVENTS,
                        orderId,
                        PaymentEvents.PaymentRefunded.TYPE,
                        orderId,
                        new PaymentEvents.PaymentRefunded(
                                orderId,
                                refunded.payment().id().toString(),
                                contract(refunded.payment().amount()))));
        }
    }

    private static dev.microshop.contracts.events.Money contract(Money money) {
        return new dev.microshop.contracts.events.Money(money.amount(), money.currency());
    }
}
