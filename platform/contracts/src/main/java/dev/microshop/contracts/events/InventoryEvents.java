package dev.microshop.contracts.events;

import java.util.List;

/** Events on {@link Topics#INVENTORY_EVENTS}, keyed by order id; the CloudEvents {@code type} of each is its {@code TYPE}. */
public final class InventoryEvents {

    private InventoryEvents() {}

    /** Every item of the order is set aside; none of it can be sold to anyone else. */
    public record InventoryReserved(String orderId, List<ReservedItem> items) {
        public static final String TYPE = "inventory.reserved";
    }

    /** One product and how many of it are set aside for the order. */
    public record ReservedItem(String productId, int quantity) {}

    /** Nothing was reserved for the order (an item is unknown or out of stock); the reason says which. */
    public record InventoryRejected(String orderId, String reason) {
        public static final String TYPE = "inventory.rejected";
    }

    /** The order's reservation was given back to the available stock after the order was cancelled. */
    public record InventoryReleased(String orderId) {
        public static final String TYPE = "inventory.released";
    }
}
