package dev.microshop.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays a supervised Spring app in tests. Its own endpoints are on SERVER_PORT; its actuator is on
 * MANAGEMENT_SERVER_PORT as a real one's: health for anyone, busrefresh and administrators (user-service's
 * endpoint, over the accounts in ACCOUNTS) for the operator only. Knobs (environment variables and a
 * /break-liveness endpoint) make it slow, broken or stubborn.
 */
public final class StandInServer {

    private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]*)\"");

    private StandInServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        if (env.containsKey("CRASH_AT_START")) {
            System.err.println("stand-in: crashing at start as asked");
            System.exit(1);
        }
        long readyAt = System.currentTimeMillis() + Long.parseLong(env.getOrDefault("READY_AFTER_MILLIS", "0"));
        AtomicBoolean live = new AtomicBoolean(true);
        HttpServer server = HttpServer.create(
                new InetSocketAddress(
                        env.getOrDefault("SERVER_ADDRESS", "127.0.0.1"), Integer.parseInt(env.get("SERVER_PORT"))),
                0);
        server.createContext("/break-liveness", exchange -> {
            live.set(false);
            answer(exchange, 200, "liveness broken");
        });
        server.createContext(
                "/whoami",
                exchange -> answer(
                        exchange,
                        200,
                        String.join(
                                " ",
                                env.get("MICROSHOP_INSTANCE"),
                                env.get("SERVER_PORT"),
                                env.getOrDefault("SPRING_GRPC_SERVER_PORT", "-"),
                                env.get("MANAGEMENT_SERVER_PORT"),
                                env.get("SPRING_PROFILES_ACTIVE"))));

        HttpServer management = HttpServer.create(
                new InetSocketAddress(
                        env.get("MANAGEMENT_SERVER_ADDRESS"), Integer.parseInt(env.get("MANAGEMENT_SERVER_PORT"))),
                0);
        management.createContext(
                "/actuator/health/readiness",
                exchange -> answer(exchange, System.currentTimeMillis() >= readyAt ? 200 : 503, "readiness"));
        management.createContext(
                "/actuator/health/liveness", exchange -> answer(exchange, live.get() ? 200 : 500, "liveness"));
        management.createContext("/actuator/busrefresh", exchange -> {
            if (isOperator(exchange, env)) {
                answer(exchange, 204, "");
            }
        });
        Set<String> accounts = Arrays.stream(env.getOrDefault("ACCOUNTS", "").split(","))
                .filter(account -> !account.isBlank())
                .collect(Collectors.toSet());
        Set<String> administrators = new TreeSet<>();
        management.createContext("/actuator/administrators", exchange -> {
            if (isOperator(exchange, env)) {
                administrators(exchange, accounts, administrators);
            }
        });

        if (env.containsKey("GRPC_PORT_TOO")) {
            int grpcPort = Integer.parseInt(env.get("SPRING_GRPC_SERVER_PORT"));
            HttpServer.create(new InetSocketAddress("127.0.0.1", grpcPort), 0).start();
        }
        if (env.containsKey("SPAWN_CHILD")) {
            // A child of a child, like the server processes of the postgres jar.
            new ProcessBuilder("sleep", "300").start();
        }
        if (env.containsKey("IGNORE_SIGTERM")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(300_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        server.start();
        management.start();
        System.out.println("stand-in " + env.get("MICROSHOP_INSTANCE") + " listening on " + env.get("SERVER_PORT")
                + ", management on " + env.get("MANAGEMENT_SERVER_PORT"));
    }

    /** HTTP Basic as the operator; without a configured password nobody is (as in the service starter). */
    private static boolean isOperator(HttpExchange exchange, Map<String, String> env) throws IOException {
        String password = env.get("MICROSHOP_OPERATOR_PASSWORD");
        String expected = "Basic "
                + Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
        if (password != null && expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"management\"");
        answer(exchange, 401, "");
        return false;
    }

    private static void administrators(HttpExchange exchange, Set<String> accounts, Set<String> administrators)
            throws IOException {
        String prefix = "/actuator/administrators/";
        switch (exchange.getRequestMethod()) {
            case "GET" ->
                answerJson(
                        exchange,
                        200,
                        administrators.stream()
                                .map(email -> "{\"email\":\"" + email + "\",\"roles\":[\"ADMIN\",\"CUSTOMER\"]}")
                                .collect(Collectors.joining(",", "{\"administrators\":[", "]}")));
            case "POST" -> {
                Matcher email =
                        EMAIL.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (!email.find() || !accounts.contains(email.group(1))) {
                    notFound(exchange, "No account has that e-mail address.");
                } else {
                    administrators.add(email.group(1));
                    answerJson(exchange, 200, "{\"email\":\"" + email.group(1) + "\"}");
                }
            }
            case "DELETE" -> {
                String email = exchange.getRequestURI().getPath().substring(prefix.length());
                if (administrators.remove(email)) {
                    answer(exchange, 204, "");
                } else {
                    notFound(exchange, email + " is not an administrator.");
                }
            }
            default -> answer(exchange, 405, "");
        }
    }

    private static void notFound(HttpExchange exchange, String detail) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"" + detail + "\"}");
    }

    private static void answerJson(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answer(exchange, status, json);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // -1: no body at all (0 would mean one of unknown length).
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
