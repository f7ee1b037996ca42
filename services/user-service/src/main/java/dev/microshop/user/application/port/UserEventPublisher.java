package dev.microshop.user.application.port;

import dev.microshop.user.domain.user.UserEvent;

/** Tells other services what happened to users; an event is sent only if the current transaction commits. */
public interface UserEventPublisher {

    void publish(UserEvent event);
}
