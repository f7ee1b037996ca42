package dev.microshop.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The engine's loopback endpoint: GET /health, 200 {"status":"UP"} while the engine is up and 503 otherwise (the
 * launcher polls it), and GET /metrics, the engine's metrics for Prometheus: the JVM's, the free space of the disk
 * that holds its data (disk_free_bytes), and what the engine adds to {@link #metrics()}.
 */
public final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final PrometheusMeterRegistry metrics;

    private HealthEndpoint(HttpServer server, PrometheusMeterRegistry metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    public static HealthEndpoint start(int port, BooleanSupplier up, String engine, Path dataDir) throws IOException {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().commonTags("application", engine);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ClassLoaderMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        new DiskSpaceMetrics(dataDir.toAbsolutePath().toFile()).bindTo(metrics);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/health", exchange -> {
            boolean isUp = up.getAsBoolean();
            answer(
                    exchange,
                    isUp ? 200 : 503,
                    "application/json",
                    isUp ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        });
        server.createContext(
                "/metrics",
                exchange -> answer(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        server.start();
        return new HealthEndpoint(server, metrics);
    }

    /** Where the engine registers its own metrics. */
    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        metrics.close();
    }
}
