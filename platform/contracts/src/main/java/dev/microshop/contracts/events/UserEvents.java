package dev.microshop.contracts.events;

import java.time.Instant;

/** Events on {@link Topics#USER_EVENTS}; the CloudEvents {@code type} of each is its {@code TYPE}. */
public final class UserEvents {

    private UserEvents() {}

    /** A shopper signed up. */
    public record UserRegistered(String userId, String email, String name, Instant registeredAt) {
        public static final String TYPE = "user.registered";
    }

    /** A shopper logged in with a password. */
    public record UserLoggedIn(String userId, Instant loggedInAt) {
        public static final String TYPE = "user.logged-in";
    }
}
