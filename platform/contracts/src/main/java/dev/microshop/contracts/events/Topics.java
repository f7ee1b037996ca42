package dev.microshop.contracts.events;

/** Kafka topic names: one topic per aggregate type, each with a dead-letter topic beside it. */
public final class Topics {

    public static final String USER_EVENTS = "user-events";
    public static final String ORDER_EVENTS = "order-events";
    public static final String INVENTORY_EVENTS = "inventory-events";
    public static final String PAYMENT_EVENTS = "payment-events";

    private Topics() {}

    /** The dead-letter topic where records that keep failing on {@code topic} end up. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
