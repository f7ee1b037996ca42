package dev.microshop.notification.domain.notification;

/** The facts given for a notification cannot make one (a missing recipient, order or text). */
public class InvalidNotificationException extends IllegalArgumentException {

    public InvalidNotificationException(String message) {
        super(message);
    }
}
