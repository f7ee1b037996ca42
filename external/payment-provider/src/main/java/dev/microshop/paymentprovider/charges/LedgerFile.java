package dev.microshop.paymentprovider.charges;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's charges and refunds as JSON lines ({@code {"charge":{...}}} or {@code {"refund":{...}}}),
 * appended and flushed one by one, so a restarted provider still knows every charge and idempotency key.
 * Without a path it keeps nothing.
 */
public class LedgerFile {

    /** One line of the file: exactly one of the two is set. */
    record Line(Charge charge, Refund refund) {}

    private final Path path;
    private final JsonMapper json;

    public LedgerFile(Path path, JsonMapper json) {
        this.path = path;
        this.json = json;
    }

    public static LedgerFile none(JsonMapper json) {
        return new LedgerFile(null, json);
    }

    List<Object> readAll() {
        if (path == null || !Files.exists(path)) {
            return List.of();
        }
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> json.readValue(line, Line.class))
                    .map(line -> line.charge() != null ? (Object) line.charge() : line.refund())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger " + path, e);
        }
    }

    void append(Object entry) {
        if (path == null) {
            return;
        }
        Line line = entry instanceof Charge charge ? new Line(charge, null) : new Line(null, (Refund) entry);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            try (BufferedWriter writer = Files.newBufferedWriter(
                    path,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC)) {
                writer.write(json.writeValueAsString(line));
                writer.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ledger " + path, e);
        }
    }
}
