package dev.microshop.user.infrastructure.persistence;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.EmailAlreadyRegisteredException;
import dev.microshop.user.domain.user.PasswordHash;
import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserId;
import dev.microshop.user.domain.user.UserName;
import dev.microshop.user.domain.user.UserRepository;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Repository;

/** Users in PostgreSQL; the unique index on the (normalized) email settles concurrent sign-ups. */
@Repository
class JdbcUserRepository implements UserRepository {

    private final UserRows rows;
    private final JdbcAggregateTemplate jdbc;

    JdbcUserRepository(UserRows rows, JdbcAggregateTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public void add(User user) {
        try {
            jdbc.insert(toRow(user));
        } catch (DbActionExecutionException failure) {
            if (failure.getCause() instanceof DuplicateKeyException) {
                throw new EmailAlreadyRegisteredException(user.email());
            }
            throw failure;
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
    public boolean existsByEmail(EmailAddress email) {
        return rows.existsByEmail(email.value());
    }

    private static UserRow toRow(User user) {
        return new UserRow(user.id().value(), user.email().value(), user.name().value(), user.passwordHash().value(),
                user.registeredAt(),
                user.roles().stream().map(role -> new UserRoleRow(role.name())).collect(Collectors.toSet()));
    }

    private static User toUser(UserRow row) {
        return new User(new UserId(row.id()), new EmailAddress(row.email()), new UserName(row.name()),
                new PasswordHash(row.passwordHash()),
                row.roles().stream().map(role -> Role.valueOf(role.role())).collect(Collectors.toSet()),
                row.registeredAt());
    }
}
