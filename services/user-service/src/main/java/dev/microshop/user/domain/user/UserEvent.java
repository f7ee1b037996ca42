package dev.microshop.user.domain.user;

import java.time.Instant;

/** Something that happened to a user that other services may care about. */
public sealed interface UserEvent permits UserRegistered, UserLoggedIn {

    UserId userId();

    Instant occurredAt();
}
