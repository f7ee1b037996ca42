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
}
