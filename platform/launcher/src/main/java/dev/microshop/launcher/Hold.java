package dev.microshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the operator did to one instance with stop or pause (see InstanceCommands), kept as a file under
 * .microshop/run/held/ that the supervisor reads: it leaves a held instance alone instead of restarting it, so a fault
 * can be watched for as long as it lasts. A new supervisor starts with none.
 */
enum Hold {
    /** Stopped: not restarted until start. */
    STOPPED,
    /** Frozen with SIGSTOP: its liveness is not checked until resume. */
    PAUSED;

    static Optional<Hold> of(Home home, String instance) {
        Path file = file(home, instance);
        try {
            return Files.exists(file)
                    ? Optional.of(valueOf(Files.readString(file).strip()))
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void place(Home home, String instance) {
        try {
            Files.createDirectories(file(home, instance).getParent());
            Files.writeString(file(home, instance), name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void release(Home home, String instance) {
        try {
            Files.deleteIfExists(file(home, instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void releaseAll(Home home) {
        try (Stream<Path> files = Files.list(home.run().resolve("held"))) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // Nothing was ever held.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(Home home, String instance) {
        return home.run().resolve("held").resolve(instance);
    }
}
