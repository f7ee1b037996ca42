package dev.microshop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The config server serves a service's files by profile and decrypts {cipher} values on the way out. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false", "spring.cloud.bus.enabled=false",
            "management.tracing.export.zipkin.enabled=false", "logging.file.name="
        })
class ConfigServerTest {

    private static final Path CONFIG = createConfigDir();

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder http;

    @DynamicPropertySource
    static void configRepository(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.cloud.config.server.native.search-locations",
                () -> CONFIG.toUri().toString());
    }

    @Test
    void serves_the_profile_file_above_the_base_file() throws IOException {
        Files.writeString(CONFIG.resolve("shop.yml"), "greeting: hello\nlimit: 5\n");
        Files.writeString(CONFIG.resolve("shop-dev.yml"), "limit: 7\n");

        String dev = client().get().uri("/shop/dev").retrieve().body(String.class);

        assertThat(dev).contains("shop-dev.yml", "\"limit\":7", "shop.yml", "\"greeting\":\"hello\"");
    }

    @Test
    void decrypts_cipher_values_before_serving_them() throws IOException {
        String cipher = client().post()
                .uri("/encrypt")
                .body("s3cret-password")
                .retrieve()
                .body(String.class);
        assertThat(cipher).isNotBlank().doesNotContain("s3cret");
        Files.writeString(CONFIG.resolve("vault.yml"), "db:\n  password: '{cipher}" + cipher + "'\n");

        String served = client().get().uri("/vault/default").retrieve().body(String.class);

        assertThat(served).contains("\"db.password\":\"s3cret-password\"").doesNotContain(cipher);
    }

    private RestClient client() {
        return http.baseUrl("http://127.0.0.1:" + port).build();
    }

    private static Path createConfigDir() {
        try {
            return Files.createTempDirectory("config-repo");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
