package dev.microshop.user.infrastructure.messaging;

import dev.microshop.contracts.events.Topics;
import dev.microshop.contracts.events.UserEvents;
import dev.microshop.platform.messaging.Outbox;
import dev.microshop.platform.messaging.OutgoingEvent;
import dev.microshop.user.application.port.UserEventPublisher;
import dev.microshop.user.domain.user.UserEvent;
import dev.microshop.user.domain.user.UserLoggedIn;
import dev.microshop.user.domain.user.UserRegistered;
import org.springframework.stereotype.Component;

/**
 * Writes user events to the outbox in the transaction that caused them; the outbox relay publishes them
 * as CloudEvents to {@code user-events}, keyed by user id.
 */
@Component
class OutboxUserEventPublisher implements UserEventPublisher {

    private final Outbox outbox;

    OutboxUserEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(UserEvent event) {
        String userId = event.userId().toString();
        switch (event) {
            case UserRegistered registered ->
                outbox.append(new OutgoingEvent(
                        Topics.USER_EVENTS,
                        userId,
                        UserEvents.UserRegistered.TYPE,
                        userId,
                        new UserEvents.UserRegistered(
                                userId,
                                registered.email().value(),
                                registered.name().value(),
                                registered.occurredAt())));
            case UserLoggedIn loggedIn ->
                outbox.append(new OutgoingEvent(
                        Topics.USER_EVENTS,
                        userId,
                        UserEvents.UserLoggedIn.TYPE,
                        userId,
                        new UserEvents.UserLoggedIn(userId, loggedIn.occurredAt())));
        }
    }
}
