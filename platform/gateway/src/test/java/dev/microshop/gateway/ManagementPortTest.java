package dev.microshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.testsupport.TestAccessTokens;
import dev.microshop.testsupport.TestOperator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The actuator on a management port of its own, as the running gateway has it (18080): the public port answers none
 * of it, and on the management port only health, info and prometheus answer without the operator.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortTest extends GatewayIntegrationTest {

    private static final List<String> MANAGEMENT_PATHS = List.of(
            "/actuator/busrefresh",
            "/actuator/refresh",
            "/actuator/env",
            "/actuator/prometheus",
            "/actuator/health",
            "/actuator");

    @LocalManagementPort
    int managementPort;

    @Test
    void the_public_port_answers_no_actuator_path_and_routes_none_to_a_service() {
        for (String path : MANAGEMENT_PATHS) {
            for (HttpRequest.Builder request : List.of(request(path), request(path, TestAccessTokens.admin()))) {
                HttpResponse<String> post =
                        send(request.POST(HttpRequest.BodyPublishers.noBody()).build());
                assertThat(post.statusCode()).as("POST " + path).isEqualTo(404);
                assertThat(post.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            }
            assertThat(send(request(path).build()).statusCode())
                    .as("GET " + path)
                    .isEqualTo(404);
            assertThat(backend.hits(path)).as(path).isZero();
        }
    }

    @Test
    void refresh_busrefresh_and_every_other_endpoint_on_the_management_port_answer_only_to_the_operator() {
        for (String path : List.of("/actuator/refresh", "/actuator/busrefresh", "/actuator/env", "/actuator/loggers")) {
            HttpResponse<String> anonymous = send(
                    management(path).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                    .as(path)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
            HttpResponse<String> wrongPassword = send(management(path)
                    .header("Authorization", "Basic b3BlcmF0b3I6Z3Vlc3M=")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(wrongPassword.statusCode())
                    .as(path + " with a wrong password")
                    .isEqualTo(401);
            HttpResponse<String> accessToken = send(management(path)
                    .header("Authorization", "Bearer " + TestAccessTokens.admin())
                    .GET()
                    .build());
            assertThat(accessToken.statusCode())
                    .as(path + " with an admin's access token")
                    .isEqualTo(401);
        }

        // The operator gets through. (A refresh itself would ask the config server, which a test has not: a changed
        // log level stands in for it.)
        HttpResponse<String> logLevel = send(management("/actuator/loggers/dev.microshop.gateway")
                .header("Authorization", TestOperator.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"INFO\"}"))
                .build());
        assertThat(logLevel.statusCode()).isBetween(200, 299);
        HttpResponse<String> env = send(management("/actuator/env")
                .header("Authorization", TestOperator.basicAuthorization())
                .build());
        assertThat(env.statusCode()).isEqualTo(200);
    }

    @Test
    void health_info_and_prometheus_answer_anyone_and_only_the_operator_sees_health_details() {
        for (String path : List.of(
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/prometheus")) {
            assertThat(send(management(path).build()).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(send(management("/actuator/prometheus").build()).body()).contains("jvm_memory_used_bytes");

        HttpResponse<String> health = send(management("/actuator/health").build());
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        HttpResponse<String> operatorsHealth = send(management("/actuator/health")
                .header("Authorization", TestOperator.basicAuthorization())
                .build());
        assertThat(operatorsHealth.body()).contains("\"components\"", "\"diskSpace\"");
    }

    private HttpRequest.Builder management(String path) {
        return request(path).uri(java.net.URI.create("http://127.0.0.1:" + managementPort + path));
    }
}
