package dev.microshop.user.infrastructure.persistence;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code users} with its {@code user_roles}; {@code emailSkeleton} is the email's look-alike key. */
@Table("users")
record UserRow(@Id UUID id, String email, String emailSkeleton, String name, String passwordHash,
               Instant registeredAt, @MappedCollection(idColumn = "user_id") Set<UserRoleRow> roles) {
}
