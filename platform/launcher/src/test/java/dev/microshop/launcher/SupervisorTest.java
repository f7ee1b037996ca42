package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    private static final Map<String, String> FAST_START = Map.of("MICROSHOP_FAST_START", "1");

    @TempDir
    Path directory;

    private final ByteArrayOutputStream events = new ByteArrayOutputStream();
    private Supervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.stop();
        }
    }

    @Test
    void starts_the_second_tier_only_once_the_first_is_ready() {
        StandInTable table = new StandInTable(directory)
                .standIn("slow-platform", 1, StandInTable.freePort(), Map.of("READY_AFTER_MILLIS", "1500"))
                .standIn("service", 2, StandInTable.freePort(), Map.of());

        start(table, Map.of());

        await().atMost(Duration.ofSeconds(20)).until(() -> supervisor.state().allReady());
        InstanceState platform = state("slow-platform");
        InstanceState service = state("service");
        assertThat(service.startedAt()).isAfterOrEqualTo(platform.readyAt());
    }

    @Test
    void restarts_a_killed_process_with_doubling_delays() {
        start(new StandInTable(directory).standIn("victim", 1, StandInTable.freePort(), Map.of()), Map.of());

        for (int kill = 1; kill <= 2; kill++) {
            long pid = awaitReady("victim", kill - 1).pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        }
        awaitReady("victim", 2);

        assertThat(eventLines())
                .anySatisfy(line ->
                        assertThat(line).contains("victim: killed by signal 9").endsWith("#1 in 200 ms"))
                .anySatisfy(line ->
                        assertThat(line).contains("victim: killed by signal 9").endsWith("#2 in 400 ms"));
    }

    @Test
    void restarts_a_process_whose_liveness_fails_three_times_in_a_row() throws Exception {
        int port = StandInTable.freePort();
        start(new StandInTable(directory).standIn("hung", 1, port, Map.of()), Map.of());
        long firstPid = awaitReady("hung", 0).pid();

        get(port, "/break-liveness");

        assertThat(awaitReady("hung", 1).pid()).isNotEqualTo(firstPid);
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(eventLines())
                .anySatisfy(
                        line -> assertThat(line).contains("hung: liveness check failed 3 times in a row; restart #1"));
    }

    @Test
    void gives_each_replica_its_own_instance_name_and_ports() throws Exception {
        int port = StandInTable.freePort();
        int grpcPort = StandInTable.freePort();
        start(
                new StandInTable(directory).scalableStandIn("catalog", 1, port, grpcPort, Map.of()),
                Map.of("catalog", 2));

        await().atMost(Duration.ofSeconds(20)).until(() -> supervisor.state().allReady());

        assertThat(supervisor.state().instances())
                .extracting(InstanceState::name, InstanceState::ports)
                .containsExactly(
                        tuple("catalog", List.of(port, grpcPort, port + 10000)),
                        tuple("catalog-2", List.of(port + 10, grpcPort + 10, port + 10010)));
        assertThat(get(port, "/whoami")).isEqualTo("catalog " + port + " " + grpcPort + " " + (port + 10000) + " dev");
        assertThat(get(port + 10, "/whoami"))
                .isEqualTo("catalog-2 " + (port + 10) + " " + (grpcPort + 10) + " " + (port + 10010) + " dev");
    }

    @Test
    void gives_a_spring_app_a_loopback_management_port_and_probes_its_health_there() throws Exception {
        int port = StandInTable.freePort();
        start(new StandInTable(directory).standIn("app", 1, port, Map.of()), Map.of());

        awaitReady("app", 0);

        // The stand-in, like a real app, serves its actuator on the management port only.
        assertThat(status(port, "/actuator/health/readiness")).isEqualTo(404);
        assertThat(status(port + 10000, "/actuator/health/readiness")).isEqualTo(200);
        assertThat(Files.readString(Path.of("/proc/" + state("app").pid() + "/environ"))
                        .split("\0"))
                .contains("MANAGEMENT_SERVER_PORT=" + (port + 10000), "MANAGEMENT_SERVER_ADDRESS=127.0.0.1");
    }

    @Test
    void stop_ends_children_of_children_and_processes_that_ignore_sigterm() {
        int parentPort = StandInTable.freePort();
        int stubbornPort = StandInTable.freePort();
        start(
                new StandInTable(directory)
                        .standIn("parent", 1, parentPort, Map.of("SPAWN_CHILD", "1"))
                        .standIn("stubborn", 1, stubbornPort, Map.of("IGNORE_SIGTERM", "1")),
                Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> supervisor.state().allReady());
        ProcessHandle parent = ProcessHandle.of(state("parent").pid()).orElseThrow();
        List<ProcessHandle> family = parent.descendants().toList();
        assertThat(family).isNotEmpty();

        supervisor.stop();

        assertThat(family).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessTree.startedFor(new Home(directory), null)).isEmpty();
        assertThat(HealthProbe.isListening(parentPort)).isFalse();
        assertThat(HealthProbe.isListening(stubbornPort)).isFalse();
        assertThat(supervisor.state().instances()).allMatch(i -> i.state() == InstanceState.Status.STOPPED);
        assertThat(eventLines()).anySatisfy(line -> assertThat(line).endsWith("stubborn: stopped"));
    }

    @Test
    void marks_a_process_whose_jar_is_missing_as_failed_without_retrying() {
        start(new StandInTable(directory).missingJar("unbuilt", 1, StandInTable.freePort()), Map.of());

        await().atMost(Duration.ofSeconds(5)).until(() -> state("unbuilt").state() == InstanceState.Status.FAILED);
        assertThat(state("unbuilt").lastEvent()).startsWith("missing target/does-not-exist.jar");
        assertThat(state("unbuilt").restarts()).isZero();
    }

    @Test
    void leaves_an_instance_the_operator_stopped_alone_until_it_is_released() throws Exception {
        start(new StandInTable(directory).standIn("held", 1, StandInTable.freePort(), Map.of()), Map.of());
        long pid = awaitReady("held", 0).pid();
        Home home = new Home(directory);

        Hold.STOPPED.place(home, "held");
        ProcessHandle.of(pid).orElseThrow().destroy();
        await().atMost(Duration.ofSeconds(10)).until(() -> state("held").state() == InstanceState.Status.HELD);
        Thread.sleep(2_000);
        assertThat(state("held").state()).isEqualTo(InstanceState.Status.HELD);
        assertThat(state("held").pid()).isNull();

        Hold.release(home, "held");
        assertThat(awaitReady("held", 0).pid()).isNotEqualTo(pid);
    }

    @Test
    void does_not_restart_a_paused_instance_that_answers_nothing_and_resumes_the_same_process() throws Exception {
        start(new StandInTable(directory).standIn("frozen", 1, StandInTable.freePort(), Map.of()), Map.of());
        long pid = awaitReady("frozen", 0).pid();
        Home home = new Home(directory);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();

        Hold.PAUSED.place(home, "frozen");
        ProcessTree.signal(process, "STOP");
        await().atMost(Duration.ofSeconds(10)).until(() -> state("frozen").state() == InstanceState.Status.PAUSED);
        // Longer than three failed liveness checks would take.
        Thread.sleep(2_000);
        assertThat(state("frozen").pid()).isEqualTo(pid);
        assertThat(state("frozen").restarts()).isZero();

        ProcessTree.signal(process, "CONT");
        Hold.release(home, "frozen");
        assertThat(awaitReady("frozen", 0).pid()).isEqualTo(pid);
    }

    private void start(StandInTable table, Map<String, Integer> replicas) {
        Home home = new Home(directory);
        home.createDirectories();
        ProcessTable processTable = ProcessTable.load(table.write());
        Secrets secrets = new Secrets(home);
        secrets.createMissing();
        supervisor = new Supervisor(
                home,
                processTable.supervision(),
                processTable.instances(home, replicas, FAST_START),
                FAST_START,
                secrets,
                false,
                new EventLog(new PrintStream(events, true, StandardCharsets.UTF_8)));
        supervisor.start();
    }

    private InstanceState awaitReady(String name, int restarts) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            InstanceState state = state(name);
            return state.state() == InstanceState.Status.READY && state.restarts() == restarts;
        });
        return state(name);
    }

    private InstanceState state(String name) {
        return supervisor.state().instances().stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<String> eventLines() {
        return events.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static int status(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }
}
