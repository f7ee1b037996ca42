package dev.microshop.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.testsupport.BasicAuth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With a platform password (required by the prod profile) the config server serves configuration only to the platform's
 * processes and the operator, and encrypts or decrypts only for the operator; the prod profile does not start without
 * its password and its encryption key.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "spring.cloud.bus.enabled=false",
            "management.tracing.export.zipkin.enabled=false",
            "logging.file.name=",
            "microshop.platform.server-password=platform-secret",
            "microshop.management.operator.password=operator-secret"
        })
class ConfigServerCredentialsTest {

    @LocalServerPort
    int port;

    @Test
    void configuration_only_to_the_platform_and_the_operator() {
        assertThat(status(null, null, "/user-service/dev")).isEqualTo(401);
        assertThat(status("platform", "wrong", "/user-service/dev")).isEqualTo(401);
        assertThat(status("platform", "platform-secret", "/user-service/dev")).isEqualTo(200);
        assertThat(status("operator", "operator-secret", "/user-service/dev")).isEqualTo(200);
    }

    @Test
    void encryption_and_decryption_only_to_the_operator() {
        assertThat(encrypt(null, null)).isEqualTo(401);
        assertThat(encrypt("platform", "platform-secret")).isEqualTo(403);
        assertThat(encrypt("operator", "operator-secret")).isEqualTo(200);
    }

    @Test
    void the_prod_profile_does_not_start_without_its_key() throws IOException {
        assertThatThrownBy(() -> prod("microshop.platform.server-password=platform-secret")
                        .close())
                .hasStackTraceContaining("needs MICROSHOP_ENCRYPT_KEY");
    }

    @Test
    void the_prod_profile_does_not_start_without_the_platform_password() throws IOException {
        assertThatThrownBy(() -> prod("encrypt.key=a-key-from-the-secret-store").close())
                .hasStackTraceContaining("set MICROSHOP_PLATFORM_PASSWORD");
    }

    /** The config server in its prod profile, given this setting as the environment would give it (above its files). */
    private static ConfigurableApplicationContext prod(String setting) throws IOException {
        Path config = Files.createTempDirectory("config-repo");
        return new SpringApplicationBuilder(ConfigServer.class)
                .profiles("prod")
                .properties(
                        "server.port=0",
                        "eureka.client.enabled=false",
                        "spring.cloud.bus.enabled=false",
                        "management.tracing.export.zipkin.enabled=false",
                        "logging.file.name=",
                        "spring.cloud.config.server.native.search-locations=" + config.toUri())
                .run("--" + setting);
    }

    private int status(String user, String password, String path) {
        return BasicAuth.status("GET", "http://127.0.0.1:" + port + path, user, password, null);
    }

    private int encrypt(String user, String password) {
        return BasicAuth.status("POST", "http://127.0.0.1:" + port + "/encrypt", user, password, "\"s3cret\"");
    }
}
