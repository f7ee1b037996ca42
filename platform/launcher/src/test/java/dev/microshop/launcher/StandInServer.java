package dev.microshop.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plays a supervised Spring app in tests: actuator readiness and liveness on SERVER_PORT, plus knobs
 * (environment variables and a /break-liveness endpoint) to make it slow, broken or stubborn.
 */
public final class StandInServer {

    private StandInServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        if (env.containsKey("CRASH_AT_START")) {
            System.err.println("stand-in: crashing at start as asked");
            System.exit(1);
        }
        long readyAt = System.currentTimeMillis() + Long.parseLong(env.getOrDefault("READY_AFTER_MILLIS", "0"));
        AtomicBoolean live = new AtomicBoolean(true);
        HttpServer server = HttpServer.create(new InetSocketAddress(
                env.getOrDefault("SERVER_ADDRESS", "127.0.0.1"), Integer.parseInt(env.get("SERVER_PORT"))), 0);
        server.createContext("/actuator/health/readiness",
                exchange -> answer(exchange, System.currentTimeMillis() >= readyAt ? 200 : 503, "readiness"));
        server.createContext("/actuator/health/liveness",
                exchange -> answer(exchange, live.get() ? 200 : 500, "liveness"));
        server.createContext("/break-liveness", exchange -> {
            live.set(false);
            answer(exchange, 200, "liveness broken");
        });
        server.createContext("/whoami", exchange -> answer(exchange, 200, String.join(" ",
                env.get("MICROSHOP_INSTANCE"), env.get("SERVER_PORT"),
                env.getOrDefault("SPRING_GRPC_SERVER_PORT", "-"), env.get("SPRING_PROFILES_ACTIVE"))));
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
        System.out.println("stand-in " + env.get("MICROSHOP_INSTANCE") + " listening on " + env.get("SERVER_PORT"));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
