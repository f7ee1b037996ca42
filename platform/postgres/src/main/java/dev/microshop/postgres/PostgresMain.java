package dev.microshop.postgres;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the runnable jar: runs PostgreSQL configured by the POSTGRES_* environment variables
 * until told to stop (SIGTERM or Ctrl-C stop the server cleanly). If the server process dies on its
 * own, this process exits with status 1 so that its supervisor restarts both.
 */
public final class PostgresMain {

    private static final Logger log = LoggerFactory.getLogger(PostgresMain.class);

    private PostgresMain() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        try {
            PostgresSettings settings = PostgresSettings.fromEnvironment(System.getenv());
            PostgresServer server = new PostgresServer(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-shutdown"));
            server.start();
            log.info(
                    "PostgreSQL is serving on 127.0.0.1:{} (data in {}) with databases {}, healthy after {} ms",
                    settings.port(),
                    settings.dataDir(),
                    settings.databases().stream().map(ServiceDatabase::name).toList(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            server.awaitServerExit();
            if (!server.isClosing()) {
                log.error("The PostgreSQL server process ended unexpectedly; see {}", settings.serverLog());
                System.exit(1);
            }
        } catch (Exception | Error e) {
            // Exit even on an Error: the health endpoint's thread would otherwise keep a broken process alive.
            log.error("PostgreSQL failed to start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }
}
