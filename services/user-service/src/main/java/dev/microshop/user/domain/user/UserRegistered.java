package dev.microshop.user.domain.user;

import java.time.Instant;

/** A shopper signed up. */
public record UserRegistered(UserId userId, EmailAddress email, UserName name, Instant occurredAt)
        implements UserEvent {

    public static UserRegistered of(User user) {
        return new UserRegistered(user.id(), user.email(), user.name(), user.registeredAt());
    }
}
