package dev.microshop.user.infrastructure.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Queries on {@code users}; writes go through {@code JdbcAggregateTemplate} so inserts are explicit. */
interface UserRows extends Repository<UserRow, UUID> {

    Optional<UserRow> findById(UUID id);

    Optional<UserRow> findByEmail(String email);

    @Query("SELECT EXISTS (SELECT 1 FROM users WHERE email = :email OR email_skeleton = :skeleton)")
    boolean existsByEmailOrEmailSkeleton(String email, String skeleton);

    @Query("""
            SELECT u.* FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = :role
            ORDER BY u.registered_at, u.id""")
    List<UserRow> findByRole(String role);
}
