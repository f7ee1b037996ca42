package dev.microshop.payment.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The real payment provider, run from its own jar as a separate process on a free loopback port: once per
 * test JVM, started early (beside the database and broker), stopped when the JVM ends, or by a watchdog if it
 * is killed.
 */
final class PaymentProviderProcess {

    private static final Path JAR = Path.of("../../external/payment-provider/target/payment-provider.jar");
    private static final CompletableFuture<String> URL = CompletableFuture.supplyAsync(PaymentProviderProcess::start);

    private PaymentProviderProcess() {}

    /** The provider's base URL, once it is ready. */
    static String url() {
        return URL.join();
    }

    private static String start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath().normalize() + " is missing: build it first with "
                    + "./mvnw -pl external/payment-provider package");
        }
        try {
            int port = freePort();
            Path target = Path.of("target").toAbsolutePath();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            java,
                            "-Xmx128m",
                            "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1",
                            "-Djava.io.tmpdir=" + target,
                            "-jar",
                            JAR.toString(),
                            "--server.port=" + port,
                            // A random port + 10000 may not exist: the actuator stays on the main port, as in module
                            // tests.
                            "--management.server.port=" + port,
                            "--spring.config.import=file:../../config/payment-provider.yml",
                            "--spring.cloud.config.enabled=false",
                            "--spring.cloud.config.import-check.enabled=false",
                            "--management.tracing.export.zipkin.enabled=false",
                            "--logging.file.name=",
                            "--payment-provider.ledger-file="))
                    .redirectErrorStream(true)
                    .redirectOutput(target.resolve("payment-provider-test.log").toFile());
            builder.environment().put("MICROSHOP_HOME", target.toString());
            Process provider = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(provider::destroy));
            stopWhenThisJvmDies(provider.pid());
            String url = "http://127.0.0.1:" + port;
            awaitReady(url, provider);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(String url, Process provider) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!provider.isAlive()) {
                throw new IllegalStateException("The payment provider exited; see target/payment-provider-test.log");
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("The payment provider was not ready within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A killed test JVM runs no shutdown hook: a detached shell stops the provider then. */
    private static void stopWhenThisJvmDies(long providerPid) throws IOException {
        new ProcessBuilder(
                        "setsid",
                        "sh",
                        "-c",
                        """
                while kill -0 "$1" 2>/dev/null; do sleep 1; done
                kill "$2" 2>/dev/null""",
                        "payment-provider-watchdog",
                        String.valueOf(ProcessHandle.current().pid()),
                        String.valueOf(providerPid))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
