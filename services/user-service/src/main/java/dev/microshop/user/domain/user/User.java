package dev.microshop.user.domain.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A shopper's account: who they are, how they prove it, and what they may do. */
public record User(UserId id, EmailAddress email, UserName name, PasswordHash passwordHash, Set<Role> roles,
                   Instant registeredAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (!roles.contains(Role.CUSTOMER)) {
            throw new IllegalArgumentException("every user is a customer");
        }
        roles = Set.copyOf(roles);
    }

    /** Everyone may shop; an administrator's email address additionally grants {@link Role#ADMIN}. */
    public static User register(UserId id, EmailAddress email, UserName name, PasswordHash passwordHash,
                                boolean administrator, Instant now) {
        Set<Role> roles = administrator ? EnumSet.of(Role.CUSTOMER, Role.ADMIN) : EnumSet.of(Role.CUSTOMER);
        return new User(id, email, name, passwordHash, roles, now);
    }
}
