package dev.microshop.contracts;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

/**
 * The contracts only grow: every proto field, gRPC method and event record component listed in the committed
 * baseline must still be there, unchanged. Other services are built against the contracts as they were, and a
 * running system mixes old and new versions of each service.
 */
class ContractsCompatibilityTest {

    /** Relative to the module, where Maven runs the tests. */
    static final Path BASELINE = Path.of("src/test/resources/contracts-baseline.txt");

    /** {@code -Dcontracts.baseline.write=true}: after the check, writes the current contracts as the baseline. */
    static final boolean WRITE_BASELINE = Boolean.getBoolean("contracts.baseline.write");

    static final String REFRESH = "./mvnw -pl platform/contracts verify -Dcontracts.baseline.write=true";

    final Map<String, String> baseline = readBaseline();
    final SequencedMap<String, String> current = ContractListing.current();

    @Test
    void nothing_the_baseline_lists_is_removed_renumbered_or_retyped() {
        List<String> broken = new ArrayList<>();
        baseline.forEach((promise, was) -> {
            String now = current.get(promise);
            if (now == null) {
                broken.add(promise + " (" + was + ") is gone");
            } else if (!now.equals(was)) {
                broken.add(promise + " was \"" + was + "\", is now \"" + now + "\"");
            }
        });
        if (!broken.isEmpty()) {
            fail("The contracts break what other services rely on:\n  " + String.join("\n  ", broken)
                    + "\nContracts change only by adding: a proto field under a new number, a new message or method,"
                    + " a new event record component. A breaking change goes into a new versioned package"
                    + " (e.g. microshop.order.v2 beside v1, or a new event type), and the old one stays while"
                    + " anything uses it." + addedLines("\nNew (fine on their own):\n  "));
        }
        if (WRITE_BASELINE) {
            writeBaseline();
        }
    }

    @Test
    void the_baseline_lists_everything_the_contracts_promise() {
        assumeTrue(
                WRITE_BASELINE || added().isEmpty(),
                () -> "Compatible, but the baseline does not list yet:\n  " + String.join("\n  ", added())
                        + "\nRefresh it, so that these are kept from now on: " + REFRESH);
    }

    private List<String> added() {
        return current.entrySet().stream()
                .filter(entry -> !baseline.containsKey(entry.getKey()))
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .toList();
    }

    private String addedLines(String heading) {
        List<String> added = added();
        return added.isEmpty() ? "" : heading + String.join("\n  ", added);
    }

    /** One {@code promise: description} a line; {@code #} comments and blank lines are skipped. */
    private static Map<String, String> readBaseline() {
        Map<String, String> entries = new LinkedHashMap<>();
        if (WRITE_BASELINE && Files.notExists(BASELINE)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(BASELINE, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int separator = line.indexOf(": ");
                    entries.put(line.substring(0, separator), line.substring(separator + 2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the baseline " + BASELINE.toAbsolutePath() + "; write it with " + REFRESH, e);
        }
        return entries;
    }

    private void writeBaseline() {
        StringBuilder text = new StringBuilder("""
                # What other services rely on in platform/contracts, checked by ContractsCompatibilityTest: a line
                # whose promise is gone from the contracts or changed fails the build. Contracts change only by
                # adding; a breaking change goes into a new versioned package (microshop.<service>.v2 beside v1).
                # After an addition, write this file anew from the compiled contracts:
                #   %s
                # A line is deleted by hand only to retire what it lists, once no service uses it any more.
                """.formatted(REFRESH));
        String owner = null;
        for (Map.Entry<String, String> entry : current.entrySet()) {
            String entryOwner = entry.getKey().split(" ")[1];
            if (!entryOwner.equals(owner)) {
                text.append('\n');
                owner = entryOwner;
            }
            text.append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
        }
        try {
            Files.writeString(BASELINE, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
