package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The V6 migration on accounts stored before emails were spelled canonically: it re-spells them, and of two that now
 * look the same the one that already had the canonical spelling keeps it. Runs in a transaction it rolls back.
 */
@UserServiceIntegrationTest
class EmailSpellingBackfillTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    List<JavaMigration> javaMigrations;

    @Test
    void old_spellings_become_canonical_and_a_look_alike_of_an_older_account_keeps_its_spelling_without_a_key()
            throws Exception {
        String unique = UUID.randomUUID().toString();
        String canonical = "rosa-%s@example.com".formatted(unique);
        String lookAlike = "ro\u017fa-%s@example.com".formatted(unique);
        String oldSpelling = "admin-%s@micro\u017fhop.local".formatted(unique);
        JavaMigration backfill = javaMigrations.stream()
                .filter(migration -> migration.getVersion().equals(MigrationVersion.fromVersion("6")))
                .findFirst()
                .orElseThrow();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // The look-alike registered first: the canonical spelling still wins.
                UUID lookAlikeId = insert(connection, lookAlike, Instant.parse("2026-01-01T00:00:00Z"));
                UUID canonicalId = insert(connection, canonical, Instant.parse("2026-02-01T00:00:00Z"));
                UUID oldSpellingId = insert(connection, oldSpelling, Instant.parse("2026-03-01T00:00:00Z"));

                backfill.migrate(contextOf(connection));

                assertThat(stored(connection, canonicalId)).containsExactly(canonical, "present");
                assertThat(stored(connection, lookAlikeId)).containsExactly(lookAlike, "absent");
                assertThat(stored(connection, oldSpellingId))
                        .containsExactly("admin-%s@microshop.local".formatted(unique), "present");
            } finally {
                connection.rollback();
            }
        }
    }

    private static UUID insert(Connection connection, String email, Instant registeredAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (id, email, name, password_hash, registered_at) VALUES (?, ?, 'Old', 'x', ?)")) {
            insert.setObject(1, id);
            insert.setString(2, email);
            insert.setObject(3, registeredAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }

    /** The stored email and whether it has a look-alike key. */
    private static List<String> stored(Connection connection, UUID id) throws Exception {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT email, email_skeleton FROM users WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return List.of(row.getString("email"), row.getString("email_skeleton") == null ? "absent" : "present");
            }
        }
    }

    private static Context contextOf(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
