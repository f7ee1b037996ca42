package dev.microshop.inventory.infrastructure.messaging;

import dev.microshop.contracts.events.InventoryEvents.InventoryRejected;
import dev.microshop.contracts.events.InventoryEvents.InventoryReleased;
import dev.microshop.contracts.events.InventoryEvents.InventoryReserved;
import dev.microshop.contracts.events.InventoryEvents.ReservedItem;
import dev.microshop.contracts.events.Topics;
import dev.microshop.inventory.application.port.InventoryEventPublisher;
import dev.microshop.inventory.domain.reservation.ReservationEvent;
import dev.microshop.inventory.domain.reservation.StockRejected;
import dev.microshop.inventory.domain.reservation.StockReleased;
import dev.microshop.inventory.domain.reservation.StockReserved;
import dev.microshop.platform.messaging.Outbox;
import dev.microshop.platform.messaging.OutgoingEvent;
import org.springframework.stereotype.Component;

/** Reservation events as CloudEvents on {@code inventory-events}, keyed by order id, through the outbox. */
@Component
class OutboxInventoryEventPublisher implements InventoryEventPublisher {

    private final Outbox outbox;

    OutboxInventoryEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(ReservationEvent event) {
        String orderId = event.orderId().toString();
        switch (event) {
            case StockReserved reserved ->
                outbox.append(new OutgoingEvent(
                        Topics.INVENTORY_EVENTS,
                        orderId,
                        InventoryReserved.TYPE,
                        orderId,
                        new InventoryReserved(
                                orderId,
                                reserved.lines().stream()
                                        .map(line -> new ReservedItem(
                                                line.productId().toString(), line.quantity()))
                                        .toList())));
            case StockRejected rejected ->
                outbox.append(new OutgoingEvent(
                        Topics.INVENTORY_EVENTS,
                        orderId,
                        InventoryRejected.TYPE,
                        orderId,
                        new InventoryRejected(orderId, rejected.reason())));
            case StockReleased released ->
                outbox.append(new OutgoingEvent(
                        Topics.INVENTORY_EVENTS,
                        orderId,
                        InventoryReleased.TYPE,
                        orderId,
                        new InventoryReleased(orderId)));
        }
    }
}
