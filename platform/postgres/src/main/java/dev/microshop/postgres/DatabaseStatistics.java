package dev.microshop.postgres;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's own statistics (pg_stat_database) per service database, for Prometheus: connections and the server's
 * limit, size, commits, rollbacks and deadlocks. One query, at most every few seconds however often it is scraped.
 */
final class DatabaseStatistics {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStatistics.class);
    private static final long MAX_AGE_NANOS = 5_000_000_000L;

    private record Row(double connections, double sizeBytes, double commits, double rollbacks, double deadlocks) {}

    private final DataSource superuser;
    private Map<String, Row> rows = Map.of();
    private double maxConnections = Double.NaN;
    private long takenAt;

    DatabaseStatistics(DataSource superuser) {
        this.superuser = superuser;
    }

    void bindTo(MeterRegistry registry, List<String> databases) {
        Gauge.builder("postgres.connections.max", this, statistics -> statistics.current().maxConnections)
                .description("The server's max_connections")
                .register(registry);
        for (String database : databases) {
            gauge(registry, database, "postgres.connections", "Open connections to the database", Row::connections);
            gauge(registry, database, "postgres.database.size", "Size of the database on disk", Row::sizeBytes);
            counter(registry, database, "postgres.transactions.committed", "Transactions committed", Row::commits);
            counter(
                    registry,
                    database,
                    "postgres.transactions.rolled.back",
                    "Transactions rolled back",
                    Row::rollbacks);
            counter(registry, database, "postgres.deadlocks", "Deadlocks detected", Row::deadlocks);
        }
    }

    private void gauge(
            MeterRegistry registry, String database, String name, String description, ToDoubleFunction<Row> value) {
        Gauge.builder(name, this, statistics -> statistics.value(database, value))
                .tag("database", database)
                .description(description)
                .baseUnit(name.endsWith("size") ? "bytes" : null)
                .register(registry);
    }

    private void counter(
            MeterRegistry registry, String database, String name, String description, ToDoubleFunction<Row> value) {
        FunctionCounter.builder(name, this, statistics -> statistics.value(database, value))
                .tag("database", database)
                .description(description)
                .register(registry);
    }

    private double value(String database, ToDoubleFunction<Row> value) {
        Row row = current().rows.get(database);
        return row == null ? Double.NaN : value.applyAsDouble(row);
    }

    /** The statistics, queried again when older than a few seconds; the last ones (or none) when the server is away. */
    private synchronized DatabaseStatistics current() {
        if (System.nanoTime() - takenAt < MAX_AGE_NANOS && takenAt != 0) {
            return this;
        }
        takenAt = System.nanoTime();
        try (Connection connection = superuser.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            Map<String, Row> taken = new HashMap<>();
            try (ResultSet result = statement.executeQuery("""
                    SELECT datname, numbackends, pg_database_size(datid), xact_commit, xact_rollback, deadlocks
                    FROM pg_stat_database WHERE datname IS NOT NULL""")) {
                while (result.next()) {
                    taken.put(
                            result.getString(1),
                            new Row(
                                    result.getDouble(2),
                                    result.getDouble(3),
                                    result.getDouble(4),
                                    result.getDouble(5),
                                    result.getDouble(6)));
                }
            }
            try (ResultSet result = statement.executeQuery("SHOW max_connections")) {
                maxConnections = result.next() ? Double.parseDouble(result.getString(1)) : Double.NaN;
            }
            rows = taken;
        } catch (SQLException | NumberFormatException e) {
            log.warn("PostgreSQL statistics not read: {}", e.toString());
            rows = Map.of();
            maxConnections = Double.NaN;
        }
        return this;
    }
}
