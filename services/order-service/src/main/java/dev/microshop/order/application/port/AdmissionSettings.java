package dev.microshop.order.application.port;

import java.time.Duration;

/** When the saga counts as behind, so that new orders are refused, and what a refused shopper is told. */
public interface AdmissionSettings {

    /** How many orders in progress must have waited longer than {@link #backlogAge()} for the saga to be behind. */
    int backlogOrders();

    Duration backlogAge();

    /** How long a refused shopper is asked to wait before trying again. */
    Duration retryAfter();
}
