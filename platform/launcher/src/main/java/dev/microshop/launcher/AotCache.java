package dev.microshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts Spring Boot jars faster with the JDK's AOT cache (JEP 483, 514): classes loaded and linked in a training
 * run (its method profiles, JEP 515, are recorded but not replayed: {@link #CLASSES_ONLY}). Each jar runs from an
 * extracted copy (.microshop/aot/NAME/STAMP/), since classes in a fat jar's nested jars cannot be cached. The stamp
 * covers the jar (size, time), the JVM and its options: a rebuilt jar or a changed option gets a new copy and needs a
 * new training run, so a stale cache is never offered. A training run (up trains by itself when a cache is missing) writes NAME.aot when the process
 * exits; the JVM refuses a cache that does not match the class path after all, and {@link #refusedIn} tells
 * so. MICROSHOP_AOT=0 turns all of it off.
 */
final class AotCache {

    /** What the JVM prints when it cannot use the cache it was given (it then runs without one). */
    static final String REFUSED = "An error has occurred while processing the AOT cache";

    /**
     * The cache is used for its loaded and linked classes, not for its method profiles: those come from one training
     * order, and replayed they made the orders bench's steady state cost twice the CPU (20 orders/s sustained instead
     * of 40), for about 9 s less start-up (README, "Start-up and memory").
     */
    private static final List<String> CLASSES_ONLY =
            List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");

    private static final String CREATED = "AOTCache creation is complete";
    private static final String COMPLETE = ".complete";
    private static final String NOT_EXTRACTABLE = ".not-extractable";
    private static final String TRAINING_SUFFIX = ".training";

    private final Home home;
    private final Path root;
    private final boolean enabled;
    private final EventLog log;
    private final Map<String, Object> extractionLocks = new ConcurrentHashMap<>();

    AotCache(Home home, Map<String, String> environment, EventLog log) {
        this.home = home;
        this.root = home.root().resolve(".microshop/aot");
        this.enabled = !"0".equals(environment.get("MICROSHOP_AOT"));
        this.log = log;
    }

    /**
     * What follows the JVM options on the instance's command line: its cache when there is one; when there is
     * none and {@code training}, the option that writes it at exit (the first instance of a process only).
     */
    List<String> program(Instance instance, Path output, boolean training) throws InterruptedException {
        if (!enabled || instance.jar() == null) {
            return instance.program();
        }
        Optional<Path> copy = extractedCopy(instance, output);
        if (copy.isEmpty()) {
            return instance.program();
        }
        List<String> program = new ArrayList<>();
        Path cache = cacheFile(copy.get(), instance);
        if (Files.isRegularFile(cache)) {
            program.add("-XX:AOTCache=" + cache);
            program.addAll(CLASSES_ONLY);
        } else if (training && isFirstInstance(instance)) {
            program.add("-XX:AOTCacheOutput=" + trainingFile(cache));
        }
        program.addAll(List.of("-jar", copy.get().toString()));
        return program;
    }

    /**
     * Whether up has to train first: a process that can have a cache (its jar extracts) has none for its current
     * jar and options.
     */
    boolean isMissing(Instance instance) throws InterruptedException {
        if (!enabled || instance.jar() == null || !isFirstInstance(instance) || !Files.isRegularFile(instance.jar())) {
            return false;
        }
        Optional<Path> copy = extractedCopy(instance, home.outputOf(instance.name()));
        return copy.isPresent() && !Files.isRegularFile(cacheFile(copy.get(), instance));
    }

    /** The processes of the list that have no cache yet (see {@link #isMissing}). */
    List<String> missing(List<Instance> instances) throws InterruptedException {
        List<String> missing = new ArrayList<>();
        for (Instance instance : instances) {
            if (isMissing(instance)) {
                missing.add(instance.name());
            }
        }
        return missing;
    }

    /**
     * After a training run's process exited: keeps the cache it wrote if the JVM said it completed it, and
     * drops a partial one. Returns whether there is a cache now.
     */
    boolean adoptTrained(Instance instance, Path output) {
        if (!enabled || instance.jar() == null || !isFirstInstance(instance)) {
            return false;
        }
        Path cache = cacheFile(directory(instance).resolve(instance.jar().getFileName()), instance);
        Path trained = trainingFile(cache);
        try {
            if (Files.isRegularFile(trained)
                    && LogTail.lastLines(output, 50).stream().anyMatch(line -> line.contains(CREATED))) {
                Files.move(trained, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(trained);
            }
        } catch (IOException e) {
            log.event(instance.name(), "cannot keep its AOT cache: " + e.getMessage());
        }
        return Files.isRegularFile(cache);
    }

    /**
     * Whether the JVM refused the cache it was given (its output since {@code offset} says so); the cache is then
     * deleted, so that the next up trains a new one.
     */
    boolean refusedIn(Instance instance, Path output, long offset) {
        if (!enabled || instance.jar() == null || !LogTail.containsSince(output, offset, REFUSED)) {
            return false;
        }
        try {
            Files.deleteIfExists(
                    cacheFile(directory(instance).resolve(instance.jar().getFileName()), instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** The extracted copy of the instance's jar, made once per build (replicas wait for the first one's). */
    private Optional<Path> extractedCopy(Instance instance, Path output) throws InterruptedException {
        synchronized (extractionLocks.computeIfAbsent(instance.spec().name(), name -> new Object())) {
            return extract(instance, output);
        }
    }

    private Optional<Path> extract(Instance instance, Path output) throws InterruptedException {
        Path jar = instance.jar();
        Path directory = directory(instance);
        Path copy = directory.resolve(jar.getFileName());
        try {
            if (Files.exists(directory.resolve(COMPLETE))) {
                return Optional.of(copy);
            }
            if (Files.exists(directory.resolve(NOT_EXTRACTABLE))) {
                return Optional.empty();
            }
            deleteOtherBuilds(directory);
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

    /** .microshop/aot/NAME/STAMP: one per jar build, JVM and set of JVM options. */
    private Path directory(Instance instance) {
        Path jar = instance.jar();
        try {
            String jarStamp =
                    Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
            return root.resolve(instance.spec().name()).resolve(jarStamp + "-" + optionsDigest(instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM and its options, but the instance's own marker, which the cache does not depend on. */
    private static String optionsDigest(Instance instance) {
        List<String> options = new ArrayList<>(instance.javaAndOptions());
        options.remove(Instance.marker(instance.name()));
        options.add(System.getProperty("java.vm.version"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", options).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path cacheFile(Path copy, Instance instance) {
        return copy.resolveSibling(instance.spec().name() + ".aot");
    }

    private static Path trainingFile(Path cache) {
        return cache.resolveSibling(cache.getFileName() + TRAINING_SUFFIX);
    }

    /** Replicas share the first instance's cache; only it trains one. */
    private static boolean isFirstInstance(Instance instance) {
        return instance.name().equals(instance.spec().name());
    }

    /** Copies of earlier builds of the jar go; those of the same build with other JVM options stay. */
    private static void deleteOtherBuilds(Path directory) throws IOException {
        Path processDirectory = directory.getParent();
        if (!Files.isDirectory(processDirectory)) {
            return;
        }
        String build = directory.getFileName().toString().replaceFirst("-[0-9a-f]+$", "-");
        try (Stream<Path> copies = Files.list(processDirectory)) {
            for (Path copy : copies.toList()) {
                if (!copy.getFileName().toString().startsWith(build)) {
                    deleteRecursively(copy);
                }
            }
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
