package dev.microshop.user.domain.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A shopper's account: who they are, how they prove it, and what they may do. */
public record User(
        UserId id,
        EmailAddress email,
        UserName name,
        PasswordHash passwordHash,
        Set<Role> roles,
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

    /**
     * Everyone who signs up is a customer and nothing more: signing up proves nothing about who someone is, so
     * {@link Role#ADMIN} is only ever granted afterwards ({@link #grantAdministrator()}).
     */
    public static User register(UserId id, EmailAddress email, UserName name, PasswordHash passwordHash, Instant now) {
        return new User(id, email, name, passwordHash, EnumSet.of(Role.CUSTOMER), now);
    }

    public boolean isAdministrator() {
        return roles.contains(Role.ADMIN);
    }

    /** The same account, now also an administrator. */
    public User grantAdministrator() {
        EnumSet<Role> granted = EnumSet.copyOf(roles);
        granted.add(Role.ADMIN);
        return new User(id, email, name, passwordHash, granted, registeredAt);
    }

    /** The same account, a customer only. */
    public User revokeAdministrator() {
        EnumSet<Role> revoked = EnumSet.copyOf(roles);
        revoked.remove(Role.ADMIN);
        return new User(id, email, name, passwordHash, revoked, registeredAt);
    }
}
