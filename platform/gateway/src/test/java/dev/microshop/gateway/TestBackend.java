package dev.microshop.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port that stands in for every service behind the gateway and for
 * user-service's JWKS (any path ending in {@code /jwks.json}). It records what it received, and behaves as a
 * request's query asks: {@code status=NNN}
 * answers that status with a problem body (and {@code retryAfter=s} adds that {@code Retry-After}), {@code delay=ms}
 * answers late, {@code drop=true} closes the connection without an answer.
 */
final class TestBackend {

    private static final TestBackend SHARED = start();

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<String>>> lastHeaders = new ConcurrentHashMap<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private volatile String jwks = "{\"keys\":[]}";

    private TestBackend(HttpServer server) {
        this.server = server;
    }

    static TestBackend shared() {
        return SHARED;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void serveKeys(String jwkSetJson) {
        this.jwks = jwkSetJson;
    }

    /** How many requests for {@code path} (without query) arrived. */
    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The headers of the last request for {@code path}, names in lower case. */
    Map<String, List<String>> headersOf(String path) {
        return lastHeaders.getOrDefault(path, Map.of());
    }

    int inProgress() {
        return inProgress.get();
    }

    private static TestBackend start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            ExecutorService threads =
                    Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
            server.setExecutor(threads);
            TestBackend backend = new TestBackend(server);
            server.createContext("/", backend::handle);
            server.start();
            return backend;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        hits.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
        lastHeaders.put(path, headers);
        Map<String, String> query = query(exchange.getRequestURI());
        inProgress.incrementAndGet();
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            Thread.sleep(Long.parseLong(query.getOrDefault("delay", "0")));
            if (query.containsKey("drop")) {
                exchange.close();
                return;
            }
            int status = Integer.parseInt(query.getOrDefault("status", "200"));
            if (path.endsWith("/jwks.json")) {
                answer(exchange, 200, "application/json", jwks);
            } else if (status == 200) {
                answer(exchange, 200, "application/json", "{\"path\":\"" + path + "\"}");
            } else {
                if (query.containsKey("retryAfter")) {
                    exchange.getResponseHeaders().set("Retry-After", query.get("retryAfter"));
                }
                answer(
                        exchange,
                        status,
                        "application/problem+json",
                        "{\"status\":" + status + ",\"detail\":\"from the backend\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inProgress.decrementAndGet();
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                query.put(nameAndValue[0], nameAndValue.length == 2 ? nameAndValue[1] : "");
            }
        }
        return query;
    }
}
