package dev.microshop.order.application.port;

import java.time.Duration;

/** How long an order may wait for stock and payment before the saga gives up on it. */
public interface SagaSettings {

    Duration deadline();
}
