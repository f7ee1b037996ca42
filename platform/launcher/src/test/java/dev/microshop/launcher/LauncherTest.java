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

        assertThat(launcher("up", "--replicas", "service=2", "--processes", table.toString()))
                .isZero();
        assertThat(output())
                .contains("microshop is up: 3 processes ready in")
                .containsPattern("service-2 +\\d+ +" + (servicePort + 10) + "," + (grpcPort + 10) + ","
                        + (servicePort + 10010) + " +READY");
        long supervisorPid =
                Long.parseLong(Files.readString(home.supervisorPidFile()).trim());

        assertThat(launcher("up", "--processes", table.toString())).isZero();
        assertThat(output())
                .startsWith("microshop is already running (supervisor pid " + supervisorPid + ")")
                .contains("platform");

        assertThat(launcher("status")).isZero();
        assertThat(output()).contains("microshop is running").containsPattern("service +\\d+ +" + servicePort);
        assertThat(launcher("status", "--json")).isZero();
        assertThat(output())
                .startsWith("{\"running\":true,\"supervisorPid\":" + supervisorPid + ",")
                .containsPattern("\\{\"name\":\"service-2\",\"pid\":\\d+,\"ports\":\\[" + (servicePort + 10) + ","
                        + (grpcPort + 10) + "," + (servicePort + 10010) + "\\],\"state\":\"READY\",\"restarts\":0,");

        List<ProcessHandle> started = ProcessTree.startedFor(home, null);
        assertThat(started).hasSizeGreaterThanOrEqualTo(4);
        assertThat(launcher("down")).isZero();
        assertThat(output()).contains("microshop is down").contains("no process left, all 8 ports free");
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.of(supervisorPid)).isEmpty();
        assertThat(home.supervisorPidFile()).doesNotExist();
        assertThat(List.of(
                        platformPort,
                        servicePort,
                        servicePort + 10,
                        grpcPort,
                        grpcPort + 10,
                        platformPort + 10000,
                        servicePort + 10000,
                        servicePort + 10010))
                .noneMatch(HealthProbe::isListening);

        assertThat(launcher("status")).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(output()).contains("microshop is not running.");
    }

    @Test
    void down_stops_what_a_killed_supervisor_left_running() {
        int port = StandInTable.freePort();
        Path table = new StandInTable(directory)
                .standIn("orphan", 1, port, Map.of("SPAWN_CHILD", "1"))
                .write();
        assertThat(launcher("up", "--processes", table.toString())).isZero();
        long supervisorPid =
                new StateFile(home.stateFile()).read().orElseThrow().supervisorPid();

        ProcessHandle.of(supervisorPid).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(supervisorPid).isEmpty());

        assertThat(launcher("status")).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(output())
                .contains("supervisor is not running, but these processes still are")
                .contains("orphan");
        assertThat(launcher("down")).isZero();
        assertThat(output()).contains("stopping what it left running: orphan").contains("no process left");
        assertThat(ProcessTree.startedFor(home, null)).isEmpty();
        assertThat(HealthProbe.isListening(port)).isFalse();
    }

    @Test
    void up_reports_a_process_that_keeps_crashing_and_leaves_the_supervisor_running() {
        Path table = new StandInTable(directory)
                .standIn("crasher", 1, StandInTable.freePort(), Map.of("CRASH_AT_START", "1"))
                .write();

        assertThat(launcher("up", "--processes", table.toString())).isEqualTo(1);

        assertThat(output())
                .contains("crasher is not ready: RESTARTING, exited with code 1")
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
        Path table = new StandInTable(directory)
                .standIn("single", 1, StandInTable.freePort(), Map.of())
                .write();

        assertThat(launcher("up", "--replicas", "single=2", "--processes", table.toString()))
                .isEqualTo(2);
        assertThat(output()).startsWith("microshop: single runs as one instance only");
    }

    @Test
    void up_hands_every_process_passwords_it_generated_once_and_never_writes_them_into_logs_or_state()
            throws Exception {
        Path table = new StandInTable(directory)
                .standIn("app", 1, StandInTable.freePort(), Map.of())
                .write();

        assertThat(launcher("up", "--processes", table.toString())).isZero();
        String upOutput = output();
        Map<String, String> secrets = new Secrets(home).environment();
        assertThat(environmentOf(new StateFile(home.stateFile())
                        .read()
                        .orElseThrow()
                        .instances()
                        .getFirst()
                        .pid()))
                .containsAll(secrets.entrySet().stream()
                        .map(secret -> secret.getKey() + "=" + secret.getValue())
                        .toList());
        assertThat(launcher("status")).isZero();
        String written = upOutput
                + output()
                + Files.readString(home.launcherLog())
                + Files.readString(home.stateFile())
                + Files.readString(home.outputOf("app"));
        assertThat(secrets.values()).noneMatch(written::contains);

        assertThat(launcher("down")).isZero();
        assertThat(launcher("up", "--processes", table.toString())).isZero();
        assertThat(new Secrets(home).environment()).isEqualTo(secrets);
    }

    @Test
    void config_refresh_posts_busrefresh_to_the_config_servers_management_port_as_the_operator() throws Exception {
        int port = StandInTable.freePort();
        Path table = new StandInTable(directory)
                .standIn("config-server", 1, port, Map.of())
                .write();
        assertThat(launcher("up", "--processes", table.toString())).isZero();

        assertThat(launcher("refresh-config", "--processes", table.toString())).isZero();
        assertThat(output())
                .isEqualTo("Configuration refresh sent to every instance (POST http://127.0.0.1:" + (port + 10000)
                        + "/actuator/busrefresh).\n");

        Files.writeString(new Secrets(home).operatorPasswordFile(), "not-the-one-it-was-started-with\n");
        assertThat(launcher("refresh-config", "--processes", table.toString())).isEqualTo(1);
        assertThat(output())
                .startsWith("config-server refused the operator's password (HTTP 401 to POST http://")
                .contains(".microshop/secrets/operator.password")
                .doesNotContain("not-the-one-it-was-started-with");
    }

    @Test
    void admin_grants_lists_and_revokes_administrators_on_user_services_management_port() {
        Path table = new StandInTable(directory)
                .standIn(
                        "user-service",
                        1,
                        StandInTable.freePort(),
                        Map.of("ACCOUNTS", "ada+shop@example.com,bob@example.com"))
                .write();
        assertThat(launcher("up", "--processes", table.toString())).isZero();
        String processes = table.toString();

        assertThat(launcher("admin", "list", "--processes", processes)).isZero();
        assertThat(output()).isEqualTo("No administrators.\n");

        assertThat(launcher("admin", "grant", "ada+shop@example.com", "--processes", processes))
                .isZero();
        assertThat(output()).isEqualTo("ada+shop@example.com is now an administrator.\n");
        assertThat(launcher("admin", "grant", "bob@example.com", "--processes", processes))
                .isZero();

        assertThat(launcher("admin", "list", "--processes", processes)).isZero();
        assertThat(output()).isEqualTo("""
                EMAIL                 ROLES
                ada+shop@example.com  ADMIN,CUSTOMER
                bob@example.com       ADMIN,CUSTOMER
                """);

        assertThat(launcher("admin", "revoke", "ada+shop@example.com", "--processes", processes))
                .isZero();
        assertThat(output()).isEqualTo("ada+shop@example.com is no longer an administrator.\n");
        assertThat(launcher("admin", "revoke", "ada+shop@example.com", "--processes", processes))
                .isEqualTo(1);
        assertThat(output())
                .startsWith("user-service answered HTTP 404 to DELETE http://127.0.0.1:")
                .endsWith(": ada+shop@example.com is not an administrator.\n");

        assertThat(launcher("admin", "grant", "nobody@example.com", "--processes", processes))
                .isEqualTo(1);
        assertThat(output()).endsWith(": No account has that e-mail address.\n");
        assertThat(launcher("admin", "list", "--processes", processes)).isZero();
        assertThat(output()).contains("bob@example.com").doesNotContain("ada+shop@example.com");
    }

    @Test
    void admin_says_when_microshop_is_not_running_and_how_it_is_used() {
        assertThat(launcher("admin", "list")).isEqualTo(1);
        assertThat(output()).isEqualTo("microshop is not running; start it with ./microshop up.\n");

        assertThat(launcher("admin", "grant")).isEqualTo(2);
        assertThat(output()).isEqualTo("microshop: usage: ./microshop admin list | grant EMAIL | revoke EMAIL\n");
    }

    private static List<String> environmentOf(long pid) throws Exception {
        return List.of(Files.readString(Path.of("/proc/" + pid + "/environ")).split("\0"));
    }

    private int launcher(String... args) {
        output = new ByteArrayOutputStream();
        return new Launcher(home, Map.of(), new PrintStream(output, true, StandardCharsets.UTF_8)).run(args);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
