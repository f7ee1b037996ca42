package dev.microshop.notification.domain.notification;

/** No notification of the caller has this id (another shopper's notification does not exist for them). */
public class NotificationNotFoundException extends RuntimeException {

    public NotificationNotFoundException(String id) {
        super("You have no notification " + id);
    }
}
