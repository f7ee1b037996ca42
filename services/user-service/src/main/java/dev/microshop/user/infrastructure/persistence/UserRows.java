package dev.microshop.user.infrastructure.persistence;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Queries on {@code users}; writes go through {@code JdbcAggregateTemplate} so inserts are explicit. */
interface UserRows extends Repository<UserRow, UUID> {

    Optional<UserRow> findById(UUID id);

    Optional<UserRow> findByEmail(String email);

    boolean existsByEmail(String email);
}
