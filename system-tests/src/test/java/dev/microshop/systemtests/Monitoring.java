package dev.microshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The local Prometheus and Alertmanager as an operator uses them: their HTTP APIs, and the alert webhook. */
final class Monitoring {

    static final String PROMETHEUS = "http://127.0.0.1:9090";
    static final String ALERTMANAGER = "http://127.0.0.1:9095";
    /** Where deploy/prometheus/alertmanager.yml sends every alert. */
    static final int WEBHOOK_PORT = 9096;
    /** Rules of this machine only, which deploy/prometheus/prometheus.yml also loads. */
    static final Path LOCAL_RULES = Microshop.HOME.resolve(".microshop/prometheus/rules");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "inf",
            "nan");
    /** A series name and the metric family Prometheus' metadata lists it under. */
    private static final Pattern FAMILY_SUFFIX = Pattern.compile("_(total|bucket|count|sum|created)$");

    private Monitoring() {}

    /** The data of a successful GET on Prometheus' API; fails on an error (a query that does not parse, say). */
    static JsonNode prometheus(String path) {
        var response = Microshop.get(PROMETHEUS + path, Map.of());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        JsonNode body = Microshop.json(response);
        assertThat(body.get("status").asString())
                .as(path + ": " + response.body())
                .isEqualTo("success");
        return body.get("data");
    }

    static JsonNode query(String promql) {
        return prometheus("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The metric names a PromQL expression reads (functions, keywords, labels, strings and ranges left out). */
    static Set<String> metricNames(String promql) {
        String bare = promql.replaceAll("\"(\\\\.|[^\"])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String word = matcher.group();
            boolean isCall = bare.substring(matcher.end()).stripLeading().startsWith("(");
            boolean isNumber = matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
            if (!isCall && !isNumber && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    /** Whether Prometheus' metadata knows the metric (a counter's _total or a histogram's _bucket by its family). */
    static boolean isKnown(String metric) {
        if (!prometheus("/api/v1/metadata?metric=" + metric).isEmpty()) {
            return true;
        }
        String family = FAMILY_SUFFIX.matcher(metric).replaceFirst("");
        return !family.equals(metric)
                && !prometheus("/api/v1/metadata?metric=" + family).isEmpty();
    }

    /** Every expr of a Grafana dashboard's panels. */
    static List<String> panelQueries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                queries.add(target.get("expr").asString());
            }
        }
        return queries;
    }

    /** Loads the rule files again (as SIGHUP does), e.g. after a test rule was written to LOCAL_RULES. */
    static void reloadPrometheus() throws IOException, InterruptedException {
        long pid = Microshop.instance("prometheus").get("pid").asLong();
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
    }

    /** A loopback HTTP server that takes Alertmanager's webhook calls for the length of a test. */
    static final class Webhook implements AutoCloseable {

        private final HttpServer server;
        private final LinkedBlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();

        Webhook() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), WEBHOOK_PORT), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/alerts", exchange -> {
                try (exchange) {
                    notifications.add(
                            Microshop.JSON.readTree(exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
        }

        /** The first alert with this name and status whose labels include the given ones; fails after the timeout. */
        JsonNode await(String alertname, String status, Map<String, String> labels, long timeoutSeconds)
                throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                JsonNode notification = notifications.poll(1, TimeUnit.SECONDS);
                if (notification == null) {
                    continue;
                }
                for (JsonNode alert : notification.get("alerts")) {
                    JsonNode alertLabels = alert.get("labels");
                    seen.add(alert.get("status").asString() + " " + alertLabels);
                    boolean matches =
                            alertname.equals(alertLabels.path("alertname").asString())
                                    && status.equals(alert.get("status").asString())
                                    && labels.entrySet().stream()
                                            .allMatch(label -> label.getValue()
                                                    .equals(alertLabels
                                                            .path(label.getKey())
                                                            .asString()));
                    if (matches) {
                        return alert;
                    }
                }
            }
            throw new AssertionError("no " + status + " " + alertname + " " + labels + " within " + timeoutSeconds
                    + " s; the webhook got: " + seen);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static void writeLocalRule(String name, String rules) throws IOException {
        Files.createDirectories(LOCAL_RULES);
        Files.writeString(LOCAL_RULES.resolve(name), rules);
    }

    static void deleteLocalRule(String name) throws IOException {
        Files.deleteIfExists(LOCAL_RULES.resolve(name));
    }
}
