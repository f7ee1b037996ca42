package dev.microshop.inventory.interfaces.messaging;

import dev.microshop.contracts.events.OrderEvents.OrderCancelled;
import dev.microshop.contracts.events.OrderEvents.OrderConfirmed;
import dev.microshop.contracts.events.OrderEvents.OrderCreated;
import dev.microshop.contracts.events.Topics;
import dev.microshop.inventory.application.reservation.ReleaseReservation;
import dev.microshop.inventory.application.reservation.ReserveStock;
import dev.microshop.inventory.application.reservation.ReserveStockCommand;
import dev.microshop.inventory.application.reservation.SellReservedStock;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.reservation.OrderId;
import dev.microshop.inventory.domain.reservation.ReservationLine;
import dev.microshop.inventory.domain.reservation.StockReservation;
import dev.microshop.platform.logging.LogContext;
import dev.microshop.platform.messaging.IdempotentConsumer;
import dev.microshop.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Inventory's part of the order saga: a created order gets its stock reserved, a confirmed one sells it, a
 * cancelled one releases it. Each event is handled once, however often Kafka delivers it; other order events are
 * not inventory's business and are skipped.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "inventory-service";
    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final IdempotentConsumer idempotentConsumer;
    private final ReserveStock reserveStock;
    private final SellReservedStock sellReservedStock;
    private final ReleaseReservation releaseReservation;

    OrderEventsListener(
            IdempotentConsumer idempotentConsumer,
            ReserveStock reserveStock,
            SellReservedStock sellReservedStock,
            ReleaseReservation releaseReservation) {
        this.idempotentConsumer = idempotentConsumer;
        this.reserveStock = reserveStock;
        this.sellReservedStock = sellReservedStock;
        this.releaseReservation = releaseReservation;
    }

    @KafkaListener(topics = Topics.ORDER_EVENTS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case OrderCreated.TYPE -> {
                ReserveStockCommand command = event.mapped(
                        OrderCreated.class,
                        created -> new ReserveStockCommand(
                                OrderId.parse(created.orderId()),
                                created.items().stream()
                                        .map(item ->
                                                new ReservationLine(ProductId.parse(item.productId()), item.quantity()))
                                        .toList()));
                handle(event, command.orderId(), () -> logOutcome(reserveStock.reserve(command)));
            }
            case OrderConfirmed.TYPE -> {
                OrderId confirmed = event.mapped(OrderConfirmed.class, data -> OrderId.parse(data.orderId()));
                handle(
                        event,
                        confirmed,
                        () -> sellReservedStock
                                .sell(confirmed)
                                .ifPresentOrElse(
                                        sold -> log.info("Reserved stock sold"),
                                        () -> log.info("Order confirmed without reserved stock: nothing to sell")));
            }
            case OrderCancelled.TYPE -> {
                OrderId cancelled = event.mapped(OrderCancelled.class, data -> OrderId.parse(data.orderId()));
                handle(
                        event,
                        cancelled,
                        () -> log.info(
                                "Order cancelled: reservation now {}",
                                releaseReservation.release(cancelled).status()));
            }
            default -> log.debug("Skipping {} {}: not inventory's business", event.type(), event.id());
        }
    }

    private void handle(IncomingEvent event, OrderId orderId, Runnable effect) {
        try (var ignored = MDC.putCloseable(LogContext.ORDER_ID, orderId.toString())) {
            idempotentConsumer.handleOnce(CONSUMER, event, effect);
        }
    }

    private static void logOutcome(StockReservation reservation) {
        if (reservation.rejectionReason() != null) {
            log.info("Stock reservation {}: {}", reservation.status(), reservation.rejectionReason());
        } else {
            log.info("Stock reservation {}: {}", reservation.status(), reservation.lines());
        }
    }
}
