package dev.microshop.notification.domain.notification;

import dev.microshop.notification.domain.DomainException;

/** The facts given for a notification cannot make one (a missing recipient, order or text). */
public class InvalidNotificationException extends DomainException {

    public InvalidNotificationException(String message) {
        super(message);
    }
}
