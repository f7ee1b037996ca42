package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: up starts a detached supervisor JVM over stand-in servers. */
class LauncherTest {

    @TempDir
    Path directory;

    private Home home;
    private ByteArrayOutputStream output;

    @BeforeEach
    void newHome() {
        home = new Home(directory);
    }

    @AfterEach
    void downEvenIfTheTestFailed() {
        launcher("down");
    }

    @Test
    void up_starts_everything_a_second_up_says_already_running_and_down_stops_it_all() throws Exception {
        int platformPort = StandInTable.freePort();
        int servicePort = StandInTable.freePort();
        int grpcPort = StandInTable.freePort();
        Path table = new StandInTable(directory)
                .standIn("platform", 1, platformPort, Map.of("SPAWN_CHILD", "1"))
                .scalableStandIn("service", 2, servicePort, grpcPort, Map.of("GRPC_PORT_TOO", "1"))
                .write();

        assertThat(launcher("up", "--replicas", "service=2", "--processes", table.toString())).isZero();
        assertThat(output()).contains("microshop is up: 3 processes ready in")
                .containsPattern("service-2 +\\d+ +" + (servicePort + 10) + "," + (grpcPort + 10) + " +READY");
        long supervisorPid = Long.parseLong(Files.readString(home.supervisorPidFile()).trim());

        assertThat(launcher("up", "--processes", table.toString())).isZero();
        assertThat(output()).startsWith("microshop is already running (supervisor pid " + supervisorPid + ")")
                .contains("platform");

        assertThat(launcher("status")).isZero();
        assertThat(output()).contains("microshop is running").containsPattern("service +\\d+ +" + servicePort);

        List<ProcessHandle> started = ProcessTree.startedFor(home, null);
        assertThat(started).hasSizeGreaterThanOrEqualTo(4);
        assertThat(launcher("down")).isZero();
        assertThat(output()).contains("microshop is down").contains("no process left, all 5 ports free");
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.of(supervisorPid)).isEmpty();
        assertThat(home.supervisorPidFile()).doesNotExist();
        assertThat(List.of(platformPort, servicePort, servicePort + 10, grpcPort, grpcPort + 10))
                .noneMatch(HealthProbe::isListening);

        assertThat(launcher("status")).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(output()).contains("microshop is not running.");
    }

    @Test
    void down_stops_what_a_killed_supervisor_left_running() {
        int port = StandInTable.freePort();
        Path table = new StandInTable(directory).standIn("orphan", 1, port, Map.of("SPAWN_CHILD", "1")).write();
        assertThat(launcher("up", "--processes", table.toString())).isZero();
        long supervisorPid = new StateFile(home.stateFile()).read().orElseThrow().supervisorPid();

        ProcessHandle.of(supervisorPid).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(supervisorPid).isEmpty());

        assertThat(launcher("status")).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(output()).contains("supervisor is not running, but these processes still are").contains("orphan");
        assertThat(launcher("down")).isZero();
        assertThat(output()).contains("stopping what it left running: orphan").contains("no process left");
        assertThat(ProcessTree.startedFor(home, null)).isEmpty();
        assertThat(HealthProbe.isListening(port)).isFalse();
    }

    @Test
    void up_reports_a_process_that_keeps_crashing_and_leaves_the_supervisor_running() {
        Path table = new StandInTable(directory)
                .standIn("crasher", 1, StandInTable.freePort(), Map.of("CRASH_AT_START", "1")).write();

        assertThat(launcher("up", "--processes", table.toString())).isEqualTo(1);

        assertThat(output()).contains("crasher is not ready: RESTARTING, exited with code 1")
                .contains("stand-in: crashing at start as asked")
                .contains("The supervisor keeps running");
        assertThat(new SupervisorPidFile(home).runningSupervisor()).isPresent();
    }

    @Test
    void down_when_nothing_runs_says_so() {
        assertThat(launcher("down")).isZero();
        assertThat(output()).isEqualTo("microshop is not running.\n");
    }

    @Test
    void up_refuses_replicas_of_a_process_that_is_not_scalable() {
        Path table = new StandInTable(directory).standIn("single", 1, StandInTable.freePort(), Map.of()).write();

        assertThat(launcher("up", "--replicas", "single=2", "--processes", table.toString())).isEqualTo(2);
        assertThat(output()).startsWith("microshop: single runs as one instance only");
    }

    private int launcher(String... args) {
        output = new ByteArrayOutputStream();
        return new Launcher(home, Map.of(), new PrintStream(output, true, StandardCharsets.UTF_8)).run(args);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
