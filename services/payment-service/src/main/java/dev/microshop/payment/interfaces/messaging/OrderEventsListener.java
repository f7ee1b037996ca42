package dev.microshop.payment.interfaces.messaging;

import dev.microshop.contracts.events.OrderEvents;
import dev.microshop.contracts.events.Topics;
import dev.microshop.payment.application.payment.ChargeOrder;
import dev.microshop.payment.application.payment.ChargeOrderCommand;
import dev.microshop.payment.application.payment.RefundCancelledOrder;
import dev.microshop.payment.domain.payment.InvalidPaymentException;
import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.platform.logging.LogContext;
import dev.microshop.platform.messaging.IdempotentConsumer;
import dev.microshop.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order events this service acts on: a payment request charges the order, a cancellation refunds it.
 * Each event is handled once; one that cannot be read goes to {@code order-events.dlt} at once, one that fails
 * because a dependency is away is tried again until it is back (the platform's listener error handling).
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "payment-service";

    private final IdempotentConsumer idempotentConsumer;
    private final ChargeOrder chargeOrder;
    private final RefundCancelledOrder refundCancelledOrder;

    OrderEventsListener(
            IdempotentConsumer idempotentConsumer, ChargeOrder chargeOrder, RefundCancelledOrder refundCancelledOrder) {
        this.idempotentConsumer = idempotentConsumer;
        this.chargeOrder = chargeOrder;
        this.refundCancelledOrder = refundCancelledOrder;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        try (var ignored = MDC.putCloseable(LogContext.ORDER_ID, record.key())) {
            switch (event.type()) {
                // Not through the idempotent consumer: a charge spans three transactions (ChargeOrder), and the order's
                // payment row is the record that tells a redelivered request what was done.
                case OrderEvents.OrderPaymentRequested.TYPE ->
                    chargeOrder.charge(
                            event.mapped(OrderEvents.OrderPaymentRequested.class, OrderEventsListener::command));
                case OrderEvents.OrderCancelled.TYPE -> {
                    OrderId orderId =
                            event.mapped(OrderEvents.OrderCancelled.class, data -> new OrderId(data.orderId()));
                    idempotentConsumer.handleOnce(CONSUMER, event, () -> refundCancelledOrder.orderCancelled(orderId));
                }
                default -> {
                    // Other order events are none of payment's business.
                }
            }
        }
    }

    private static ChargeOrderCommand command(OrderEvents.OrderPaymentRequested requested) {
        if (requested.amount() == null) {
            throw new InvalidPaymentException("A payment request needs an amount");
        }
        return new ChargeOrderCommand(
                new OrderId(requested.orderId()),
                requested.userId(),
                new Money(requested.amount().amount(), requested.amount().currency()),
                requested.paymentMethod(),
                requested.payBefore());
    }
}
