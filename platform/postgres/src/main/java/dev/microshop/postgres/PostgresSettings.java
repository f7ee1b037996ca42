package dev.microshop.postgres;

import dev.microshop.engine.EnvironmentSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where PostgreSQL keeps its data, its loopback ports, the superuser's password and the service databases, read
 * from the environment.
 */
public record PostgresSettings(
        Path dataDir,
        Path binariesDir,
        Path serverLog,
        int port,
        int healthPort,
        String superuserPassword,
        List<ServiceDatabase> databases) {

    static final String DEFAULT_DATABASES =
            "user_service,inventory_service,order_service,payment_service,notification_service";
    static final String SUPERUSER_PASSWORD_VARIABLE = "MICROSHOP_POSTGRES_PASSWORD";

    public PostgresSettings {
        if (superuserPassword == null || superuserPassword.isBlank()) {
            throw new IllegalStateException(
                    SUPERUSER_PASSWORD_VARIABLE + " is not set: the PostgreSQL superuser"
                            + " 'postgres' needs a password (./microshop up generates one in .microshop/secrets/ and passes it)");
        }
        databases = List.copyOf(databases);
    }

    public static PostgresSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("MICROSHOP_HOME", "."))
                .toAbsolutePath()
                .normalize();
        Path dataDir = Path.of(env.getOrDefault(
                "POSTGRES_DATA_DIR", home.resolve(".microshop/data/postgres").toString()));
        List<ServiceDatabase> databases = Arrays.stream(env.getOrDefault("POSTGRES_DATABASES", DEFAULT_DATABASES)
                        .split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> ServiceDatabase.fromEnvironment(name, env))
                .toList();
        return new PostgresSettings(
                dataDir.toAbsolutePath().normalize(),
                home.resolve(".microshop/tmp/embedded-pg"),
                home.resolve(".microshop/logs/postgres.log"),
                EnvironmentSettings.port(env, "POSTGRES_PORT", 54320),
                EnvironmentSettings.port(env, "POSTGRES_HEALTH_PORT", 54321),
                env.get(SUPERUSER_PASSWORD_VARIABLE),
                databases);
    }

    @Override
    public String toString() {
        return "PostgresSettings[dataDir=" + dataDir + ", port=" + port + ", databases=" + databases + "]";
    }
}
