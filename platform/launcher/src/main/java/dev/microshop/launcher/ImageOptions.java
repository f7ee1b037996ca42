package dev.microshop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * For ./microshop images: writes each image's JVM options, the ones up gives the process (heap, collector, stacks,
 * its own flags), as {@code DIR/<module>/app/jvm-options}, the argument file its entrypoint reads; and prints the
 * modules to build, one per line. An image is built for every spring process (the engines come from their own
 * images or operators where the system runs in containers).
 */
final class ImageOptions {

    private final Home home;
    private final PrintStream out;

    ImageOptions(Home home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    int run(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("usage: image-options DIR [NAME ...]");
        }
        Path directory = Path.of(arguments.getFirst());
        List<String> names = arguments.subList(1, arguments.size());
        ProcessTable table = ProcessTable.load(null);
        List<ProcessSpec> springProcesses = table.processes().stream()
                .filter(spec -> spec.kind() == ProcessSpec.Kind.SPRING)
                .toList();
        for (String name : names) {
            if (springProcesses.stream().noneMatch(spec -> spec.name().equals(name))) {
                throw new IllegalArgumentException(name + " has no image; the processes that have one: "
                        + String.join(
                                ", ",
                                springProcesses.stream().map(ProcessSpec::name).toList()));
            }
        }
        List<ProcessSpec> images = springProcesses.stream()
                .filter(spec -> names.isEmpty() || names.contains(spec.name()))
                .toList();
        for (ProcessSpec spec : images) {
            Path jar = home.root().resolve(spec.jar());
            String module = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            write(directory.resolve(module).resolve("app/jvm-options"), table.imageJvmOptions(spec));
            out.println(home.root().relativize(jar.getParent().getParent()));
        }
        return 0;
    }

    private static void write(Path file, List<String> options) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
