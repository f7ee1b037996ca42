package dev.microshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every servlet process's management endpoints answer, and to whom: health, info and the Prometheus scrape to
 * anyone who reaches the port; refresh, env, metrics and the rest only to the operator, whose calls are audited.
 */
class ManagementEndpointsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A state change that costs nothing (a refresh would look for the config server): one logger's level. */
    private static final String LOGGER = "/actuator/loggers/dev.microshop.testsupport";

    /** As in the module tests: the actuator on the test's random main port. */
    @Nested
    @MicroshopIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
    class OnTheMainPort {

        @LocalServerPort
        int port;

        @Autowired
        AuditEventRepository audit;

        @Autowired
        JdbcClient jdbc;

        @Test
        void health_and_the_prometheus_scrape_answer_anyone_but_health_details_only_the_operator() throws Exception {
            HttpResponse<String> anonymous = get(port, "/actuator/health", null);
            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components");

            assertThat(get(port, "/actuator/health", TestOperator.basicAuthorization())
                            .body())
                    .contains("\"db\"");
            assertThat(get(port, "/actuator/health/readiness", null).statusCode())
                    .isEqualTo(200);
            assertThat(get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(200);
        }

        @Test
        void refresh_env_metrics_and_loggers_need_the_operator() throws Exception {
            for (String path : new String[] {
                "/actuator/env",
                "/actuator/metrics",
                "/actuator/loggers",
                "/actuator/configprops",
                "/actuator/auditevents"
            }) {
                HttpResponse<String> anonymous = get(port, path, null);
                assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
                assertThat(anonymous.headers().firstValue("Content-Type"))
                        .as(path)
                        .hasValue("application/problem+json");
                assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                        .as(path)
                        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
                assertThat(get(port, path, TestOperator.basicAuthorization()).statusCode())
                        .as(path)
                        .isEqualTo(200);
            }
            assertThat(post(port, "/actuator/refresh", null).statusCode()).isEqualTo(401);
            assertThat(post(port, LOGGER, basic(TestOperator.USERNAME, "guess")).statusCode())
                    .isEqualTo(401);
            assertThat(post(port, LOGGER, TestOperator.basicAuthorization()).statusCode())
                    .isEqualTo(204);
        }

        @Test
        void a_heap_dump_is_not_served_even_to_the_operator() throws Exception {
            assertThat(get(port, "/actuator/heapdump", TestOperator.basicAuthorization())
                            .statusCode())
                    .isEqualTo(404);
        }

        @Test
        void the_operators_calls_and_failed_log_ins_are_audited() throws Exception {
            post(port, LOGGER, TestOperator.basicAuthorization());
            post(port, LOGGER, basic(TestOperator.USERNAME, "guess"));

            assertThat(audit.find(TestOperator.USERNAME, null, "MANAGEMENT_OPERATION"))
                    .anySatisfy(event -> assertThat(event.getData())
                            .containsEntry("path", LOGGER)
                            .containsEntry("status", 204));
            assertThat(audit.find(TestOperator.USERNAME, null, "OPERATOR_AUTHENTICATION_FAILURE"))
                    .isNotEmpty();
        }

        @Test
        void every_database_statement_and_lock_wait_is_bounded() {
            assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single())
                    .isEqualTo("15s");
            assertThat(jdbc.sql("SHOW lock_timeout").query(String.class).single())
                    .isEqualTo("10s");
            assertThat(jdbc.sql("SHOW idle_in_transaction_session_timeout")
                            .query(String.class)
                            .single())
                    .isEqualTo("1min");
        }
    }

    /** As the launcher runs every process: the actuator on a port of its own, none of it on the main port. */
    @Nested
    @MicroshopIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
    class OnAManagementPortOfItsOwn {

        @DynamicPropertySource
        static void managementPort(DynamicPropertyRegistry registry) {
            registry.add("management.server.port", ManagementEndpointsTest::freePort);
        }

        @LocalServerPort
        int port;

        @LocalManagementPort
        int managementPort;

        @Test
        void the_main_port_serves_no_management_endpoint() throws Exception {
            assertThat(managementPort).isNotEqualTo(port);
            assertThat(post(port, "/actuator/refresh", TestOperator.basicAuthorization())
                            .statusCode())
                    .isEqualTo(404);
            assertThat(post(port, "/actuator/busrefresh", null).statusCode()).isEqualTo(404);
            assertThat(get(port, "/actuator/health", null).statusCode()).isEqualTo(404);
        }

        @Test
        void the_management_port_answers_the_operator_only() throws Exception {
            assertThat(get(managementPort, "/actuator/health/liveness", null).statusCode())
                    .isEqualTo(200);
            assertThat(post(managementPort, "/actuator/refresh", null).statusCode())
                    .isEqualTo(401);
            assertThat(post(managementPort, LOGGER, TestOperator.basicAuthorization())
                            .statusCode())
                    .isEqualTo(204);
        }
    }

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        return HTTP.send(request(port, path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String path, String authorization) throws Exception {
        return HTTP.send(
                request(port, path, authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"DEBUG\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
