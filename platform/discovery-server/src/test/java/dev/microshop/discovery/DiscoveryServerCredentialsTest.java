package dev.microshop.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.testsupport.BasicAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With a platform password (required by the prod profile) nobody but the platform's processes and the operator
 * registers or looks up instances: a rogue registration (a rogue JWKS, say) is refused.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.config.enabled=false",
            "spring.cloud.config.import-check.enabled=false",
            "management.tracing.export.zipkin.enabled=false",
            "logging.file.name=",
            "microshop.platform.server-password=platform-secret",
            "microshop.management.operator.password=operator-secret"
        })
class DiscoveryServerCredentialsTest {

    private static final String INSTANCE = """
            {"instance": {"instanceId": "user-service:6666", "app": "USER-SERVICE", "hostName": "rogue.example",
              "ipAddr": "203.0.113.7", "status": "UP", "port": {"$": 6666, "@enabled": true},
              "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}
            """;

    @LocalServerPort
    int port;

    @Test
    void a_registration_without_the_platform_credentials_is_refused() {
        assertThat(register(null, null)).isEqualTo(401);
        assertThat(register("platform", "guess")).isEqualTo(401);
        assertThat(lookUp(null, null)).isEqualTo(401);
    }

    @Test
    void the_platform_registers_and_looks_up() {
        assertThat(register("platform", "platform-secret")).isEqualTo(204);
        assertThat(lookUp("platform", "platform-secret")).isEqualTo(200);
        assertThat(lookUp("operator", "operator-secret")).isEqualTo(200);
    }

    private int register(String user, String password) {
        return BasicAuth.status(
                "POST", "http://127.0.0.1:" + port + "/eureka/apps/USER-SERVICE", user, password, INSTANCE);
    }

    private int lookUp(String user, String password) {
        return BasicAuth.status("GET", "http://127.0.0.1:" + port + "/eureka/apps", user, password, null);
    }
}
