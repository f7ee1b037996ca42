package dev.microshop.user.domain.user;

import java.time.Instant;

/** A shopper proved their password and received tokens. */
public record UserLoggedIn(UserId userId, Instant occurredAt) implements UserEvent {}
