package dev.microshop.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Makes sure each service has its login role and its own database, owned by that role and closed to
 * the other roles. Safe to run at every start: it creates what is missing and resets the passwords.
 */
final class DatabaseProvisioner {

    private final DataSource superuser;

    DatabaseProvisioner(DataSource superuser) {
        this.superuser = superuser;
    }

    void provision(List<ServiceDatabase> databases) throws SQLException {
        try (Connection connection = superuser.getConnection()) {
            for (ServiceDatabase database : databases) {
                ensureRole(connection, database);
                ensureDatabase(connection, database);
            }
        }
    }

    private static void ensureRole(Connection connection, ServiceDatabase database) throws SQLException {
        boolean exists = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", database.name());
        String template = exists ? "ALTER ROLE %I LOGIN PASSWORD %L" : "CREATE ROLE %I LOGIN PASSWORD %L";
        execute(connection, quoted(connection, template, database.name(), database.password()));
    }

    private static void ensureDatabase(Connection connection, ServiceDatabase database) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database.name())) {
            execute(connection, quoted(connection, "CREATE DATABASE %I OWNER %I", database.name(), database.name()));
        }
        execute(
                connection,
                quoted(connection, "REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC", database.name()));
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** DDL takes no bind parameters: let the server quote identifiers (%I) and literals (%L) itself. */
    private static String quoted(Connection connection, String template, String... arguments) throws SQLException {
        String placeholders = ", ?".repeat(arguments.length);
        try (PreparedStatement statement = connection.prepareStatement("SELECT format(?" + placeholders + ")")) {
            statement.setString(1, template);
            for (int i = 0; i < arguments.length; i++) {
                statement.setString(i + 2, arguments[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
