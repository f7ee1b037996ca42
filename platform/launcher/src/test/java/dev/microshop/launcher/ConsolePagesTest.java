package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboards as Prometheus console pages; WalkingSkeletonSystemTest has Prometheus render them. */
class ConsolePagesTest {

    @TempDir
    Path home;

    @Test
    void every_dashboard_becomes_a_page_with_every_panel_query_and_an_index_links_them() throws Exception {
        Path dashboards = Files.createDirectories(home.resolve("deploy/grafana"));
        for (String name : new String[] {"overview.json", "service.json"}) {
            Files.copy(Path.of("../../deploy/grafana", name), dashboards.resolve(name));
        }

        assertThat(new ConsolePages(new Home(home)).write()).containsExactly("overview.html", "service.html");

        Path pages = home.resolve(".microshop/prometheus/consoles");
        String overview = Files.readString(pages.resolve("overview.html"));
        JsonNode dashboard =
                JsonMapper.builder().build().readTree(Files.readString(dashboards.resolve("overview.json")));
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(overview).contains("<h2>" + panel.get("title").asString().replace("&", "&amp;") + "</h2>");
            panel.get("targets")
                    .forEach(target -> assertThat(overview)
                            .contains("`" + target.get("expr").asString() + "`"));
        }
        String service = Files.readString(pages.resolve("service.html"));
        assertThat(service)
                .contains("(printf `sum by (uri) (rate(http_server_requests_seconds_count{application=\"%s\"}[1m]))`"
                        + " .Params.application)")
                .doesNotContain("$application");
        assertThat(Files.readString(pages.resolve("index.html")))
                .contains("/consoles/overview.html", "/consoles/service.html");
    }
}
