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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users and their {@code user_roles} in PostgreSQL; the unique indexes on the canonical email and on its look-alike
 * key settle concurrent sign-ups.
 */
@Repository
class JdbcUserRepository implements UserRepository {

    /** A user with its roles as an array, so that one query reads the whole user. */
    private static final String USERS = """
            SELECT u.id, u.email, u.name, u.password_hash, u.registered_at,
                   ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id) AS roles
            FROM users u""";

    private final JdbcClient jdbc;
    private final EmailSpelling spelling;

    JdbcUserRepository(JdbcClient jdbc, EmailSpelling spelling) {
        this.jdbc = jdbc;
        this.spelling = spelling;
    }

    @Override
    public void add(User user) {
        try {
            jdbc.sql("""
                    INSERT INTO users (id, email, email_skeleton, name, password_hash, registered_at)
                    VALUES (:id, :email, :emailSkeleton, :name, :passwordHash, :registeredAt)""")
                    .param("id", user.id().value())
                    .param("email", user.email().value())
                    .param("emailSkeleton", spelling.lookAlikeKey(user.email().value()))
                    .param("name", user.name().value())
                    .param("passwordHash", user.passwordHash().value())
                    .param("registeredAt", Timestamps.of(user.registeredAt()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new EmailAlreadyRegisteredException(user.email());
        }
        addRoles(user);
    }

    // Only the roles change after sign-up; the email and its look-alike key stay as stored.
    @Override
    public void update(User user) {
        jdbc.sql("DELETE FROM user_roles WHERE user_id = :userId")
                .param("userId", user.id().value())
                .update();
        addRoles(user);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return jdbc.sql(USERS + " WHERE u.id = :id")
                .param("id", id.value())
                .query(JdbcUserRepository::toUser)
                .optional();
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return jdbc.sql(USERS + " WHERE u.email = :email")
                .param("email", email.value())
                .query(JdbcUserRepository::toUser)
                .optional();
    }

    @Override
    public boolean existsByEmailOrLookAlike(EmailAddress email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE email = :email OR email_skeleton = :skeleton)")
                .param("email", email.value())
                .param("skeleton", spelling.lookAlikeKey(email.value()))
                .query(Boolean.class)
                .single();
    }

    @Override
    public List<User> findByRole(Role role) {
        return jdbc.sql(USERS + " JOIN user_roles granted ON granted.user_id = u.id WHERE granted.role = :role"
                        + " ORDER BY u.registered_at, u.id")
                .param("role", role.name())
                .query(JdbcUserRepository::toUser)
                .list();
    }

    private void addRoles(User user) {
        for (Role role : user.roles()) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:userId, :role)")
                    .param("userId", user.id().value())
                    .param("role", role.name())
                    .update();
        }
    }

    private static User toUser(ResultSet row, int rowNumber) throws SQLException {
        String[] roles = (String[]) row.getArray("roles").getArray();
        return new User(
                new UserId(row.getObject("id", UUID.class)),
                new EmailAddress(row.getString("email")),
                new UserName(row.getString("name")),
                new PasswordHash(row.getString("password_hash")),
                Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toSet()),
                Timestamps.read(row, "registered_at"));
    }
}
