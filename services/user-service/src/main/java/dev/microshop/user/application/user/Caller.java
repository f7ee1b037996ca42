package dev.microshop.user.application.user;

import java.util.Set;

/**
 * Who asks, as their access token says: its subject and roles. Roles are strings because services' roles
 * ({@code SERVICE}) are not roles a user can have.
 */
public record Caller(String subject, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
