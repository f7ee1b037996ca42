package dev.microshop.order.interfaces.messaging;

import dev.microshop.contracts.events.InventoryEvents;
import dev.microshop.contracts.events.PaymentEvents;
import dev.microshop.contracts.events.Topics;
import dev.microshop.order.application.saga.placeorder.PlaceOrderSaga;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.platform.logging.LogContext;
import dev.microshop.platform.messaging.IdempotentConsumer;
import dev.microshop.platform.messaging.IncomingEvent;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the place-order saga with what inventory and payment report: maps each event and delegates, once per
 * event id (a redelivery changes nothing). Types the saga does not wait for ({@code inventory.released},
 * {@code payment.refunded}, anything new) are skipped; a record that cannot be read goes to the dead-letter topic.
 */
@Component
class SagaEventListener {

    private static final Logger log = LoggerFactory.getLogger(SagaEventListener.class);
    private static final String CONSUMER = "order-service.place-order-saga";

    private final IdempotentConsumer idempotentConsumer;
    private final PlaceOrderSaga saga;

    SagaEventListener(IdempotentConsumer idempotentConsumer, PlaceOrderSaga saga) {
        this.idempotentConsumer = idempotentConsumer;
        this.saga = saga;
    }

    @KafkaListener(topics = Topics.INVENTORY_EVENTS, groupId = "order-service")
    void onInventoryEvent(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case InventoryEvents.InventoryReserved.TYPE -> {
                OrderId orderId =
                        event.mapped(InventoryEvents.InventoryReserved.class, data -> orderId(data.orderId()));
                handle(event, orderId, () -> saga.stockReserved(orderId));
            }
            case InventoryEvents.InventoryRejected.TYPE -> {
                Report rejected = event.mapped(
                        InventoryEvents.InventoryRejected.class,
                        data -> new Report(orderId(data.orderId()), data.reason()));
                handle(event, rejected.orderId(), () -> saga.stockRejected(rejected.orderId(), rejected.reason()));
            }
            default -> log.debug("Skipping {} {}", event.type(), event.id());
        }
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = "order-service")
    void onPaymentEvent(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case PaymentEvents.PaymentCompleted.TYPE -> {
                OrderId orderId = event.mapped(PaymentEvents.PaymentCompleted.class, data -> orderId(data.orderId()));
                handle(event, orderId, () -> saga.paymentCompleted(orderId));
            }
            case PaymentEvents.PaymentFailed.TYPE -> {
                Report failed = event.mapped(
                        PaymentEvents.PaymentFailed.class, data -> new Report(orderId(data.orderId()), data.reason()));
                handle(event, failed.orderId(), () -> saga.paymentFailed(failed.orderId(), failed.reason()));
            }
            default -> log.debug("Skipping {} {}", event.type(), event.id());
        }
    }

    private void handle(IncomingEvent event, OrderId orderId, Runnable step) {
        try (var ignored = MDC.putCloseable(LogContext.ORDER_ID, orderId.toString())) {
            idempotentConsumer.handleOnce(CONSUMER, event, step);
        }
    }

    private static OrderId orderId(String orderId) {
        return new OrderId(UUID.fromString(orderId));
    }

    /** A step that failed, for the order it is about. */
    private record Report(OrderId orderId, String reason) {}
}
