package dev.microshop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local system as a user sees it: the {@code ./microshop} command and HTTP on loopback. Tests serve
 * a copy of config/ (MICROSHOP_CONFIG_DIR) so they can change settings without touching the repository.
 */
final class Microshop {

    static final Path HOME = Path.of(System.getenv().getOrDefault("MICROSHOP_HOME", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path CONFIG_COPY = HOME.resolve("system-tests/target/config");
    static final String GATEWAY = "http://127.0.0.1:8080";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Microshop() {}

    /** What a finished {@code ./microshop} command printed. */
    record CommandResult(int exitCode, String output, Duration took) {}

    /**
     * The profiles of tests that send more than the shipped rate limits allow from one address (the order bursts,
     * the replica kill): config/gateway-load.yml raises the limits, the checks still run. The limits themselves
     * are tested with the shipped profile.
     */
    static final String LOAD_PROFILE = "dev,load";

    static CommandResult run(String... args) {
        return runWithProfile("dev", args);
    }

    static CommandResult runWithProfile(String profile, String... args) {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("microshop").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true);
        builder.environment().put("MICROSHOP_HOME", HOME.toString());
        builder.environment().put("MICROSHOP_CONFIG_DIR", CONFIG_COPY.toString());
        // A dozen JVMs start on two cores: the C1-only start-up halves the CPU they need. The tests check
        // behaviour, not throughput.
        builder.environment().put("MICROSHOP_FAST_START", "1");
        builder.environment().put("MICROSHOP_PROFILE", profile);
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            // The first up after a build also runs the training run for the AOT caches (minutes on two cores).
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            return new CommandResult(process.exitValue(), output, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the whole system, allowing for a slow machine. When up returns, the gateway routes to every service
     * (its readiness waits for that); WalkingSkeletonSystemTest checks it with the first requests.
     */
    static CommandResult up(String... extraArguments) {
        return upWithProfile("dev", extraArguments);
    }

    static CommandResult upWithProfile(String profile, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("up", "--timeout", "420"));
        arguments.addAll(List.of(extraArguments));
        return runWithProfile(profile, arguments.toArray(String[]::new));
    }

    /** Waits until the gateway sends requests to user-service and inventory-service (after a refresh). */
    static void awaitRouted() {
        await(Duration.ofSeconds(60), () -> {
            assertRouted(post(
                    GATEWAY + "/api/auth/token", Map.of("email", "nobody@example.com", "password", "x"), Map.of()));
            assertRouted(get(GATEWAY + "/api/products", Map.of()));
        });
    }

    /** Fails while the gateway answers that it has no instance to send the request to. */
    static void assertRouted(HttpResponse<String> response) {
        if (response.statusCode() == 503 || response.statusCode() == 502) {
            throw new AssertionError("not routed yet: " + response.statusCode() + " " + response.body());
        }
    }

    /** The operator's HTTP Basic credentials, as the launcher generated them (.microshop/secrets/operator.password). */
    static Map<String, String> operator() {
        return Map.of(
                "Authorization",
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString(("operator:" + operatorPassword())
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The operator's password, as the launcher generated it. */
    static String operatorPassword() {
        try {
            return Files.readString(HOME.resolve(".microshop/secrets/operator.password"))
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local PostgreSQL superuser's password, as the launcher generated it. */
    static String postgresPassword() throws IOException {
        return Files.readString(HOME.resolve(".microshop/secrets/postgres.password"))
                .strip();
    }

    /** Copies config/ to the place the config server will serve during the tests. */
    static void copyConfig() throws IOException {
        Files.createDirectories(CONFIG_COPY);
        try (Stream<Path> files = Files.list(HOME.resolve("config"))) {
            for (Path file : files.toList()) {
                Files.copy(
                        file,
                        CONFIG_COPY.resolve(file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The supervisor's view of the system: .microshop/run/state.json. */
    static JsonNode state() throws IOException {
        return JSON.readTree(Files.readString(HOME.resolve(".microshop/run/state.json")));
    }

    static JsonNode instance(String name) throws IOException {
        for (JsonNode instance : state().get("instances")) {
            if (instance.get("name").asString().equals(name)) {
                return instance;
            }
        }
        throw new IllegalStateException("no instance " + name + " in state.json");
    }

    static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    static HttpResponse<String> post(String url, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    static HttpResponse<String> put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    static HttpResponse<String> delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .DELETE()
                .build());
    }

    /**
     * A client whose connections come from another loopback address (127.0.0.0/8 is all local), so the system
     * sees a different client IP, as per-IP rate limits do.
     */
    static HttpClient clientFrom(String loopbackAddress) {
        try {
            return HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .localAddress(InetAddress.getByName(loopbackAddress))
                    .build();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static boolean isListening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Retries an assertion until it holds or the time is up, then fails with its last error. */
    static void await(Duration timeout, ThrowingRunnable assertion) {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (Throwable failure) {
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw failure instanceof AssertionError error ? error : new AssertionError(failure);
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
