package dev.microshop.user.infrastructure.persistence;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.EmailAlreadyRegisteredException;
import dev.microshop.user.domain.user.EmailSpelling;
import dev.microshop.user.domain.user.PasswordHash;
import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserId;
import dev.microshop.user.domain.user.UserName;
import dev.microshop.user.domain.user.UserRepository;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users in PostgreSQL; the unique indexes on the canonical email and on its look-alike key settle concurrent
 * sign-ups.
 */
@Repository
class JdbcUserRepository implements UserRepository {

    private final UserRows rows;
    private final JdbcAggregateTemplate jdbc;
    private final JdbcClient sql;
    private final EmailSpelling spelling;

    JdbcUserRepository(UserRows rows, JdbcAggregateTemplate jdbc, JdbcClient sql, EmailSpelling spelling) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.sql = sql;
        this.spelling = spelling;
    }

    @Override
    public void add(User user) {
        try {
            jdbc.insert(new UserRow(user.id().value(), user.email().value(),
                    spelling.lookAlikeKey(user.email().value()), user.name().value(), user.passwordHash().value(),
                    user.registeredAt(),
                    user.roles().stream().map(role -> new UserRoleRow(role.name())).collect(Collectors.toSet())));
        } catch (DbActionExecutionException failure) {
            if (failure.getCause() instanceof DuplicateKeyException) {
                throw new EmailAlreadyRegisteredException(user.email());
            }
            throw failure;
        }
    }

    // Only the roles change after sign-up; the email and its look-alike key stay as stored.
    @Override
    public void update(User user) {
        sql.sql("DELETE FROM user_roles WHERE user_id = ?").param(user.id().value()).update();
        for (Role role : user.roles()) {
            sql.sql("INSERT INTO user_roles (user_id, role) VALUES (?, ?)").param(user.id().value())
                    .param(role.name()).update();
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        return rows.findById(id.value()).map(JdbcUserRepository::toUser);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return rows.findByEmail(email.value()).map(JdbcUserRepository::toUser);
    }

    @Override
    public boolean existsByEmailOrLookAlike(EmailAddress email) {
        return rows.existsByEmailOrEmailSkeleton(email.value(), spelling.lookAlikeKey(email.value()));
    }

    @Override
    public List<User> findByRole(Role role) {
        return rows.findByRole(role.name()).stream().map(JdbcUserRepository::toUser).toList();
    }

    private static User toUser(UserRow row) {
        return new User(new UserId(row.id()), new EmailAddress(row.email()), new UserName(row.name()),
                new PasswordHash(row.passwordHash()),
                row.roles().stream().map(role -> Role.valueOf(role.role())).collect(Collectors.toSet()),
                row.registeredAt());
    }
}
