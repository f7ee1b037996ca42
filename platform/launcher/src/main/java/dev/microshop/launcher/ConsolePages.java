package dev.microshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards (deploy/grafana/*.json) as Prometheus console pages, for a machine without Grafana: up
 * writes one page per dashboard under .microshop/prometheus/consoles/, which Prometheus serves at
 * /consoles/NAME.html. Each panel shows its queries' current values, each with a link that opens it as a graph in
 * Prometheus; a dashboard's $application is the page's ?application= parameter.
 */
final class ConsolePages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dashboards;
    private final Path pages;

    ConsolePages(Home home) {
        this.dashboards = home.root().resolve("deploy/grafana");
        this.pages = home.root().resolve(".microshop/prometheus/consoles");
    }

    /** Writes every dashboard's page and an index of them; the names of the pages written. */
    List<String> write() {
        try {
            Files.createDirectories(pages);
            List<String> written = new ArrayList<>();
            if (!Files.isDirectory(dashboards)) {
                return written;
            }
            try (Stream<Path> files = Files.list(dashboards)) {
                for (Path dashboard : files.filter(file -> file.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    String name = dashboard.getFileName().toString().replaceFirst("\\.json$", ".html");
                    Files.writeString(pages.resolve(name), page(JSON.readTree(Files.readString(dashboard))));
                    written.add(name);
                }
            }
            Files.writeString(pages.resolve("index.html"), index(written));
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String page(JsonNode dashboard) {
        StringBuilder html = new StringBuilder(head(dashboard.get("title").asString()));
        html.append("<p>")
                .append(escape(dashboard.path("description").asString()))
                .append("</p>\n");
        boolean perService = dashboard.toString().contains("$application");
        if (perService) {
            html.append("<p>Service: {{ with .Params.application }}{{ . }}{{ else }}none chosen: add"
                    + " ?application=order-service (for example) to the address{{ end }}</p>\n");
        }
        for (JsonNode panel : dashboard.get("panels")) {
            html.append("<h2>").append(escape(panel.get("title").asString())).append("</h2>\n<table>\n");
            for (JsonNode target : panel.get("targets")) {
                html.append(rows(target.get("expr").asString()));
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** One row per series of the query now, each linked to the query's graph; the query itself when it has none. */
    private static String rows(String expr) {
        if (expr.contains("`")) {
            throw new IllegalArgumentException("a console page cannot hold a query with a backquote: " + expr);
        }
        String query = expr.contains("$application")
                ? "(printf `" + expr.replace("%", "%%").replace("$application", "%s") + "` .Params.application)"
                : "`" + expr + "`";
        return "{{ $expr := " + query + " }}"
                + "{{ range query $expr }}<tr><td>{{ .Labels }}</td><td>{{ humanize .Value }}</td>"
                + "<td><a href=\"{{ pathPrefix }}{{ graphLink $expr }}\">graph</a></td></tr>"
                + "{{ else }}<tr><td colspan=\"3\"><a href=\"{{ pathPrefix }}{{ graphLink $expr }}\">{{ $expr }}</a>:"
                + " no data</td></tr>{{ end }}\n";
    }

    private static String index(List<String> written) {
        StringBuilder html = new StringBuilder(head("microshop: dashboards"));
        html.append("<ul>\n");
        written.forEach(page -> html.append("<li><a href=\"{{ pathPrefix }}/consoles/")
                .append(page)
                .append("\">")
                .append(page.replace(".html", ""))
                .append("</a></li>\n"));
        return html.append("</ul>\n</body></html>\n").toString();
    }

    private static String head(String title) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
                + "td{border:1px solid #ccc;padding:2px 8px;font-size:90%}</style></head><body>\n<h1>"
                + escape(title) + "</h1>\n";
    }

    /** HTML-escapes text that is not a template, and keeps Go's template delimiters out of it. */
    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("{{", "{ {")
                .replace("}}", "} }");
    }
}
