package dev.microshop.inventory.application.port;

import dev.microshop.inventory.domain.reservation.ReservationEvent;

/**
 * Tells other services what became of an order's reservation. Called inside the transaction of the change it
 * reports: the event is stored with it and published after the commit, never for a change that rolled back.
 */
public interface InventoryEventPublisher {

    void publish(ReservationEvent event);
}
