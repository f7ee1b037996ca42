package dev.microshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's podman with the project's containers.conf (runc and explicit limits, deploy/images/README.md). */
final class Podman {

    private Podman() {}

    /** Runs podman with these arguments and returns what it printed; fails the test on a non-zero exit. */
    static String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .put(
                        "CONTAINERS_CONF",
                        Microshop.HOME.resolve("deploy/images/containers.conf").toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("podman is not installed: apt-get install podman runc", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
