package dev.microshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and atomically replaces the state file, so a reader never sees half a file. */
final class StateFile {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;

    StateFile(Path file) {
        this.file = file;
    }

    synchronized void write(SystemState state) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.writeString(next, JSON.writeValueAsString(state));
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<SystemState> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file), SystemState.class));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }
}
