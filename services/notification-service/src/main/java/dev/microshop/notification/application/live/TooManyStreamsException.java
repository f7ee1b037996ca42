package dev.microshop.notification.application.live;

/** A new stream would go over a {@link StreamLimits limit}; the streams already open stay as they are. */
public class TooManyStreamsException extends RuntimeException {

    private TooManyStreamsException(String message) {
        super(message);
    }

    static TooManyStreamsException ofShopper(int limit) {
        return new TooManyStreamsException("You have " + limit + " notification streams open already, the most one"
                + " shopper may have: close one, or retry later");
    }

    static TooManyStreamsException ofInstance() {
        return new TooManyStreamsException("This server holds as many notification streams as it can: retry later");
    }
}
