package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code status --json}: the table's content as one JSON document that a script can read. */
class StatusReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path directory;

    @Test
    void a_running_system_lists_each_process_with_its_pid_ports_state_restarts_and_url() {
        InstanceState gateway = new InstanceState(
                "gateway",
                "gateway",
                2,
                4242L,
                8080,
                List.of(8080, 18080),
                InstanceState.Status.READY,
                0,
                0,
                "http://localhost:8080",
                STARTED.plusSeconds(5),
                STARTED.plusSeconds(20),
                "ready in 15 s");
        InstanceState order = new InstanceState(
                "order-service-2",
                "order-service",
                2,
                null,
                8113,
                List.of(8113, 9113, 18113),
                InstanceState.Status.RESTARTING,
                3,
                1,
                "http://localhost:8113",
                null,
                null,
                "exited with status 1");
        SystemState state = new SystemState(99, STARTED, STARTED.plusSeconds(60), List.of(gateway, order));

        JsonNode report =
                read(StatusReport.running(99, Optional.of(state), STARTED.plusSeconds(125), new Home(directory))
                        .toJson());

        assertThat(report.get("running").asBoolean()).isTrue();
        assertThat(report.get("supervisorPid").asLong()).isEqualTo(99);
        assertThat(report.get("startedAt").asString()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(report.get("uptimeSeconds").asLong()).isEqualTo(125);
        JsonNode first = report.get("processes").get(0);
        assertThat(first.get("name").asString()).isEqualTo("gateway");
        assertThat(first.get("pid").asLong()).isEqualTo(4242);
        assertThat(first.get("ports").values()).extracting(JsonNode::asInt).containsExactly(8080, 18080);
        assertThat(first.get("state").asString()).isEqualTo("READY");
        assertThat(first.get("restarts").asInt()).isZero();
        assertThat(first.get("url").asString()).isEqualTo("http://localhost:8080");
        assertThat(first.get("readyAt").asString()).isEqualTo("2026-12-01T10:00:20Z");
        // pid 4242 is not a process this home started: it costs the system nothing.
        assertThat(first.get("rssMb").asLong()).isZero();
        assertThat(first.get("cpuSeconds").asDouble()).isZero();
        JsonNode second = report.get("processes").get(1);
        assertThat(second.get("name").asString()).isEqualTo("order-service-2");
        assertThat(second.get("pid").isNull()).isTrue();
        assertThat(second.get("state").asString()).isEqualTo("RESTARTING");
        assertThat(second.get("restarts").asInt()).isEqualTo(3);
        assertThat(second.get("lastEvent").asString()).isEqualTo("exited with status 1");
    }

    @Test
    void a_stopped_system_is_one_document_that_says_so_with_exit_status_3() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = new Launcher(new Home(directory), Map.of(), new PrintStream(output, true, StandardCharsets.UTF_8))
                .run("status", "--json");

        assertThat(status).isEqualTo(StatusCommand.NOT_RUNNING);
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(1);
        JsonNode report = read(printed);
        assertThat(report.get("running").asBoolean()).isFalse();
        assertThat(report.get("supervisorPid").isNull()).isTrue();
        assertThat(report.get("uptimeSeconds").isNull()).isTrue();
        assertThat(report.get("processes").isEmpty()).isTrue();
    }

    @Test
    void status_refuses_an_option_it_does_not_know() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = new Launcher(new Home(directory), Map.of(), new PrintStream(output, true, StandardCharsets.UTF_8))
                .run("status", "--yaml");

        assertThat(status).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("status takes no option but --json");
    }

    private static JsonNode read(String json) {
        return JSON.readTree(json);
    }
}
