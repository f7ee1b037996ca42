package dev.microshop.user.infrastructure.persistence;

import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code user_roles}. */
@Table("user_roles")
record UserRoleRow(String role) {
}
