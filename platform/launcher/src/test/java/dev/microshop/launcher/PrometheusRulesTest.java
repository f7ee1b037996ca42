package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The monitoring the launcher runs (deploy/prometheus/), checked by Prometheus' and Alertmanager's own tools: the
 * configurations load, every alert rule passes its unit tests (firing on what it is written for, quiet otherwise), and
 * links to its runbook in docs/operations.md.
 * Needs Debian's prometheus and prometheus-alertmanager packages, as ./microshop up does to run them.
 */
class PrometheusRulesTest {

    private static final Path MONITORING =
            Path.of("../../deploy/prometheus").toAbsolutePath().normalize();
    private static final Path OPERATIONS =
            Path.of("../../docs/operations.md").toAbsolutePath().normalize();

    @Test
    void prometheus_loads_its_configuration_and_rules() throws Exception {
        assertSucceeds("promtool", "check", "config", "prometheus.yml");
    }

    @Test
    void every_alert_rule_passes_its_unit_tests() throws Exception {
        assertSucceeds("promtool", "test", "rules", "tests/microshop_test.yml");
    }

    @Test
    void alertmanager_loads_its_configuration() throws Exception {
        assertSucceeds("amtool", "check-config", "alertmanager.yml");
    }

    @Test
    void every_alert_links_to_a_runbook_section_that_exists() throws IOException {
        String rules = Files.readString(MONITORING.resolve("rules/microshop.yml"));
        List<String> alerts = matches(Pattern.compile("- alert: (\\S+)"), rules);
        List<String> runbooks = matches(Pattern.compile("runbook_url: docs/operations\\.md#(\\S+)"), rules);
        Set<String> sections = new TreeSet<>();
        for (String heading : matches(Pattern.compile("(?m)^#+ (.+)$"), Files.readString(OPERATIONS))) {
            // GitHub's anchor for a heading: lower case, spaces as hyphens, other punctuation dropped.
            sections.add(heading.strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9 -]", "")
                    .replace(' ', '-'));
        }

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(11);
        assertThat(runbooks).as("one runbook_url per alert").hasSameSizeAs(alerts);
        assertThat(sections).containsAll(runbooks);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static void assertSucceeds(String... command) throws IOException, InterruptedException {
        assertThat(onPath(command[0]))
                .as("%s is not installed: apt-get install prometheus prometheus-alertmanager", command[0])
                .isTrue();
        Process process = new ProcessBuilder(command)
                .directory(MONITORING.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ":\n" + output)
                .isZero();
    }

    private static boolean onPath(String program) {
        List<Path> directories = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            directories.add(Path.of(directory));
        }
        return directories.stream().anyMatch(directory -> Files.isExecutable(directory.resolve(program)));
    }
}
