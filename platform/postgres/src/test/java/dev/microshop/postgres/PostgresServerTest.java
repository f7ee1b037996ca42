package dev.microshop.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private static final String SUPERUSER_PASSWORD = "superuser-s3cret";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void gives_each_service_its_own_database_and_keeps_the_data_across_a_restart() throws Exception {
        PostgresSettings settings = newSettings();

        try (PostgresServer server = new PostgresServer(settings)) {
            assertThat(healthStatus(settings)).isEqualTo(503);
            server.start();
            assertThat(healthStatus(settings)).isEqualTo(200);
            try (Connection orders = connect(settings, "order_service", "s3cret");
                    Statement sql = orders.createStatement()) {
                sql.execute("CREATE TABLE orders (id int PRIMARY KEY)");
                sql.execute("INSERT INTO orders VALUES (42)");
            }
            assertThatThrownBy(() -> connect(settings, "order_service", "wrong"))
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(settings, "user_service", "order_service", "user_service"))
                    .hasMessageContaining("CONNECT");
        }
        assertThat(settings.dataDir().resolve("postmaster.pid")).doesNotExist();

        try (PostgresServer restarted = new PostgresServer(settings)) {
            restarted.start();
            try (Connection orders = connect(settings, "order_service", "s3cret");
                    Statement sql = orders.createStatement();
                    ResultSet ids = sql.executeQuery("SELECT id FROM orders")) {
                assertThat(ids.next()).isTrue();
                assertThat(ids.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void every_role_the_superuser_too_needs_its_password() throws Exception {
        PostgresSettings settings = newSettings();

        try (PostgresServer server = new PostgresServer(settings)) {
            server.start();

            assertThatThrownBy(() -> connect(settings, "postgres", null)).hasMessageContaining("password");
            assertThatThrownBy(() -> connect(settings, "postgres", "")).hasMessageContaining("password");
            assertThatThrownBy(() -> connect(settings, "postgres", "wrong")).hasMessageContaining("password");
            assertThatThrownBy(() -> connect(settings, "order_service", null)).hasMessageContaining("password");
            try (Connection superuser = connect(settings, "postgres", SUPERUSER_PASSWORD);
                    Statement sql = superuser.createStatement()) {
                assertThat(strings(sql, "SELECT rolname FROM pg_authid WHERE rolcanlogin AND rolpassword IS NULL"))
                        .as("login roles without a password")
                        .isEmpty();
                assertThat(strings(sql, "SELECT DISTINCT auth_method FROM pg_hba_file_rules"))
                        .containsExactly("scram-sha-256");
            }
        }
    }

    @Test
    void a_data_directory_whose_superuser_was_trusted_keeps_its_data_and_needs_passwords_from_its_next_start()
            throws Exception {
        PostgresSettings settings = newSettings();
        // As the runner left it before passwords were required: initdb's trust rules, a passwordless superuser.
        try (EmbeddedPostgres before = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(settings.binariesDir().toFile())
                        .setDataDirectory(settings.dataDir())
                        .setCleanDataDirectory(false)
                        .setPort(settings.port())
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", "")
                        .start();
                Connection trusted = connect(settings, "postgres", null);
                Statement sql = trusted.createStatement()) {
            sql.execute("CREATE TABLE kept (id int PRIMARY KEY)");
            sql.execute("INSERT INTO kept VALUES (7)");
        }

        try (PostgresServer upgraded = new PostgresServer(settings)) {
            upgraded.start();

            assertThatThrownBy(() -> connect(settings, "postgres", null)).hasMessageContaining("password");
            try (Connection superuser = connect(settings, "postgres", SUPERUSER_PASSWORD);
                    Statement sql = superuser.createStatement()) {
                assertThat(strings(sql, "SELECT id::text FROM kept")).containsExactly("7");
            }
            connect(settings, "order_service", "s3cret").close();
        }
    }

    private static PostgresSettings newSettings() throws IOException {
        // The build points java.io.tmpdir into target/ without creating it.
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path home = Files.createTempDirectory(tmp, "postgres");
        return new PostgresSettings(
                home.resolve("data"),
                tmp.resolve("embedded-pg"),
                home.resolve("postgres.log"),
                freePort(),
                freePort(),
                SUPERUSER_PASSWORD,
                List.of(
                        new ServiceDatabase("order_service", "s3cret"),
                        new ServiceDatabase("user_service", "user_service")));
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection connect(PostgresSettings settings, String role, String password) throws SQLException {
        return connect(settings, role, role, password);
    }

    private static Connection connect(PostgresSettings settings, String role, String database, String password)
            throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", role);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + settings.port() + "/" + database, credentials);
    }

    private int healthStatus(PostgresSettings settings) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + settings.healthPort() + "/health"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
