package dev.microshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts Spring Boot jars faster: runs each from an extracted copy (.microshop/cds/NAME/STAMP/) with an
 * AppCDS archive that the JVM writes when the first run exits and maps on every later start
 * (-XX:+AutoCreateSharedArchive). Classes in a fat jar's nested jars cannot be archived, hence the
 * extraction. A rebuilt jar gets a new copy and a new archive. MICROSHOP_CDS=0 turns it off.
 */
final class ClassDataSharing {

    private static final String COMPLETE = ".complete";
    private static final String NOT_EXTRACTABLE = ".not-extractable";

    private final Path root;
    private final boolean enabled;
    private final EventLog log;
    private final Map<String, Object> extractionLocks = new ConcurrentHashMap<>();

    ClassDataSharing(Home home, Map<String, String> environment, EventLog log) {
        this.root = home.root().resolve(".microshop/cds");
        this.enabled = !"0".equals(environment.get("MICROSHOP_CDS"));
        this.log = log;
    }

    /** What follows the JVM options on the instance's command line. */
    List<String> program(Instance instance, Path output) throws InterruptedException {
        if (!enabled || instance.jar() == null) {
            return instance.program();
        }
        Optional<Path> copy;
        synchronized (extractionLocks.computeIfAbsent(instance.spec().name(), name -> new Object())) {
            copy = extractedCopy(instance, output);
        }
        if (copy.isEmpty()) {
            return instance.program();
        }
        return List.of(
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + copy.get().resolveSibling(instance.name() + ".jsa"),
                "-jar",
                copy.get().toString());
    }

    private Optional<Path> extractedCopy(Instance instance, Path output) throws InterruptedException {
        Path jar = instance.jar();
        try {
            String stamp =
                    Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
            Path processDirectory = root.resolve(instance.spec().name());
            Path directory = processDirectory.resolve(stamp);
            Path copy = directory.resolve(jar.getFileName());
            if (Files.exists(directory.resolve(COMPLETE))) {
                return Optional.of(copy);
            }
            if (Files.exists(directory.resolve(NOT_EXTRACTABLE))) {
                return Optional.empty();
            }
            deleteRecursively(processDirectory);
            Process extraction = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            directory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
            boolean extracted =
                    extraction.waitFor(2, TimeUnit.MINUTES) && extraction.exitValue() == 0 && Files.isRegularFile(copy);
            extraction.destroyForcibly();
            Files.createDirectories(directory);
            Files.createFile(directory.resolve(extracted ? COMPLETE : NOT_EXTRACTABLE));
            if (!extracted) {
                // E.g. a Boot jar without Spring in it (the kafka and postgres jars): its tools cannot run.
                log.event(
                        instance.name(),
                        "cannot extract " + jar.getFileName()
                                + " for a faster start (see its .out); running the jar itself");
            }
            return extracted ? Optional.of(copy) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
