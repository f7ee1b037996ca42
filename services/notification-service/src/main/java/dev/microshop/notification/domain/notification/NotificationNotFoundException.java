package dev.microshop.notification.domain.notification;

import dev.microshop.notification.domain.DomainException;

/** No notification of the caller has this id (another shopper's notification does not exist for them). */
public class NotificationNotFoundException extends DomainException {

    public NotificationNotFoundException(String id) {
        super("You have no notification " + id);
    }
}
