package dev.microshop.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void gives_each_service_its_own_database_and_keeps_the_data_across_a_restart() throws Exception {
        // The build points java.io.tmpdir into target/ without creating it.
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path home = Files.createTempDirectory(tmp, "postgres");
        PostgresSettings settings = new PostgresSettings(home.resolve("data"), tmp.resolve("embedded-pg"),
                home.resolve("postgres.log"), freePort(), freePort(),
                List.of(new ServiceDatabase("order_service", "s3cret"), new ServiceDatabase("user_service", "user_service")));

        try (PostgresServer server = new PostgresServer(settings)) {
            assertThat(healthStatus(settings)).isEqualTo(503);
            server.start();
            assertThat(healthStatus(settings)).isEqualTo(200);
            try (Connection orders = connect(settings, "order_service", "s3cret"); Statement sql = orders.createStatement()) {
                sql.execute("CREATE TABLE orders (id int PRIMARY KEY)");
                sql.execute("INSERT INTO orders VALUES (42)");
            }
            assertThatThrownBy(() -> connect(settings, "order_service", "wrong")).hasMessageContaining("password");
            assertThatThrownBy(() -> connect(settings, "user_service", "order_service", "user_service"))
                    .hasMessageContaining("CONNECT");
        }
        assertThat(settings.dataDir().resolve("postmaster.pid")).doesNotExist();

        try (PostgresServer restarted = new PostgresServer(settings)) {
            restarted.start();
            try (Connection orders = connect(settings, "order_service", "s3cret"); Statement sql = orders.createStatement();
                 ResultSet ids = sql.executeQuery("SELECT id FROM orders")) {
                assertThat(ids.next()).isTrue();
                assertThat(ids.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static Connection connect(PostgresSettings settings, String role, String password) throws SQLException {
        return connect(settings, role, role, password);
    }

    private static Connection connect(PostgresSettings settings, String role, String database, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + settings.port() + "/" + database, role, password);
    }

    private int healthStatus(PostgresSettings settings) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.healthPort() + "/health")).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
