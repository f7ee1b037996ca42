package dev.microshop.notification.interfaces.messaging;

import dev.microshop.notification.domain.notification.InvalidNotificationException;
import dev.microshop.platform.messaging.IdempotentConsumer;
import dev.microshop.platform.messaging.IncomingEvent;
import org.springframework.stereotype.Component;

/**
 * Runs the notification an event asks for at most once per event id. An event whose facts can never make a
 * notification (no user id, no order) is a poison record: it goes to the dead-letter topic without retries.
 */
@Component
class OncePerEvent {

    /** The name this service's handled events are recorded under; also its Kafka consumer group. */
    static final String CONSUMER = "notification-service";

    private final IdempotentConsumer idempotentConsumer;

    OncePerEvent(IdempotentConsumer idempotentConsumer) {
        this.idempotentConsumer = idempotentConsumer;
    }

    void handle(IncomingEvent event, Runnable notify) {
        try {
            idempotentConsumer.handleOnce(CONSUMER, event, notify);
        } catch (InvalidNotificationException invalid) {
            // The notification's own rules run inside the use case; what they refuse, no retry will change.
            throw event.refused(invalid);
        }
    }
}
