package dev.microshop.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class MicroshopDefaultsTest {

    @Test
    void a_service_imports_its_settings_from_the_config_server_and_keeps_its_own_values_first() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0");

        new MicroshopDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.config.import")).isEqualTo("optional:configserver:");
        assertThat(environment.getProperty("eureka.instance.ip-address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("server.address"))
                .as("a value set elsewhere wins")
                .isEqualTo("0.0.0.0");
    }

    @Test
    void in_kubernetes_a_service_imports_its_settings_from_config_maps_and_uses_neither_eureka_nor_the_config_server() {
        // As a pod declares them (SPRING_PROFILES_ACTIVE): Spring Boot activates them only after this has run.
        MockEnvironment environment = new MockEnvironment().withProperty("spring.profiles.active", "prod, kubernetes");

        new MicroshopDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.config.import")).isEqualTo("kubernetes:");
        assertThat(environment.getProperty("spring.cloud.config.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("eureka.client.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.cloud.kubernetes.reload.enabled"))
                .isEqualTo("true");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
                .as("the other platform defaults still apply")
                .isEqualTo("true");
    }
}
