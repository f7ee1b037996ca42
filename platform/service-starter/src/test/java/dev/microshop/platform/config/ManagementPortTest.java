package dev.microshop.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ManagementPortTest {

    private static MockEnvironment withDefaults(MockEnvironment environment) {
        new MicroshopDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void a_process_on_a_fixed_port_serves_its_actuator_on_loopback_10000_ports_higher() {
        MockEnvironment environment = withDefaults(new MockEnvironment().withProperty("server.port", "8101"));

        assertThat(environment.getProperty("management.server.port", Integer.class))
                .isEqualTo(18101);
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void a_random_port_keeps_the_actuator_on_the_main_port() {
        MockEnvironment environment = withDefaults(new MockEnvironment().withProperty("server.port", "0"));

        assertThat(environment.getProperty("management.server.port")).isNull();
        assertThat(environment.getProperty("management.server.address")).isNull();
    }

    @Test
    void an_explicit_management_port_wins() {
        MockEnvironment environment = withDefaults(new MockEnvironment()
                .withProperty("server.port", "8101")
                .withProperty("management.server.port", "9999"));

        assertThat(environment.getProperty("management.server.port", Integer.class))
                .isEqualTo(9999);
    }

    @Test
    void a_port_without_room_for_its_management_port_is_refused_with_a_clear_message() {
        MockEnvironment environment = withDefaults(new MockEnvironment().withProperty("server.port", "60000"));

        assertThatThrownBy(() -> environment.getProperty("management.server.port"))
                .hasMessageContaining("set management.server.port");
    }
}
