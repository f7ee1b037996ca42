package dev.microshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The passwords of this machine's system, generated once in .microshop/secrets/ (readable by its owner only)
 * and handed to every process in its environment. Nothing here is ever printed.
 */
final class Secrets {

    /** The user name of HTTP Basic on the management ports. */
    static final String OPERATOR = "operator";

    private static final String OPERATOR_PASSWORD = "operator.password";
    /** File name in the secrets directory, and the variable that carries it to every process. */
    private static final Map<String, String> VARIABLES = Map.of(
            OPERATOR_PASSWORD,
            "MICROSHOP_OPERATOR_PASSWORD",
            "postgres.password",
            "MICROSHOP_POSTGRES_PASSWORD",
            // Asked for by the registry and the config server in their prod profile (PlatformServerProperties).
            "platform.password",
            "MICROSHOP_PLATFORM_PASSWORD");

    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    Secrets(Home home) {
        this.directory = home.secrets();
    }

    /** Generates the passwords that do not exist yet; those that do are kept, so a data directory keeps working. */
    void createMissing() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            for (String file : VARIABLES.keySet()) {
                Path secret = directory.resolve(file);
                if (!Files.exists(secret)) {
                    // Created with its final mode: never readable by others, not even for a moment.
                    Files.write(
                            Files.createFile(
                                    secret,
                                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                            (newPassword() + "\n").getBytes(StandardCharsets.US_ASCII),
                            StandardOpenOption.WRITE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MICROSHOP_OPERATOR_PASSWORD and MICROSHOP_POSTGRES_PASSWORD, for the environment of every process. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        VARIABLES.forEach((file, variable) -> environment.put(variable, read(file)));
        return environment;
    }

    String operatorPassword() {
        return read(OPERATOR_PASSWORD);
    }

    Path operatorPasswordFile() {
        return directory.resolve(OPERATOR_PASSWORD);
    }

    private String read(String file) {
        Path secret = directory.resolve(file);
        try {
            return Files.readString(secret, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + secret + " (./microshop up creates it)", e);
        }
    }

    /** 256 bits from SecureRandom, URL-safe: fits a Basic header and a JDBC URL without escaping. */
    private static String newPassword() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
