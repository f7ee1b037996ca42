package dev.microshop.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceDatabaseTest {

    @Test
    void takes_the_password_from_the_service_specific_variable() {
        assertThat(ServiceDatabase.fromEnvironment("order_service", Map.of("POSTGRES_PASSWORD_ORDER_SERVICE", "s3cret"))
                        .password())
                .isEqualTo("s3cret");
    }

    @Test
    void defaults_the_password_to_the_name() {
        assertThat(ServiceDatabase.fromEnvironment("user_service", Map.of()).password())
                .isEqualTo("user_service");
    }

    @Test
    void rejects_a_name_that_is_not_a_plain_identifier() {
        assertThatThrownBy(() -> new ServiceDatabase("users; DROP", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reads_the_database_list_and_ports_from_the_environment() {
        PostgresSettings settings = PostgresSettings.fromEnvironment(Map.of(
                "MICROSHOP_HOME",
                "/srv/shop",
                "POSTGRES_DATABASES",
                "a_service, b_service",
                "POSTGRES_PORT",
                "6000",
                "MICROSHOP_POSTGRES_PASSWORD",
                "generated"));
        assertThat(settings.databases()).extracting(ServiceDatabase::name).containsExactly("a_service", "b_service");
        assertThat(settings.port()).isEqualTo(6000);
        assertThat(settings.healthPort()).isEqualTo(54321);
        assertThat(settings.dataDir()).hasToString("/srv/shop/.microshop/data/postgres");
        assertThat(settings.superuserPassword()).isEqualTo("generated");
        assertThat(settings.toString()).doesNotContain("generated");
    }

    @Test
    void refuses_to_start_without_a_superuser_password() {
        assertThatThrownBy(() -> PostgresSettings.fromEnvironment(Map.of("MICROSHOP_HOME", "/srv/shop")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("MICROSHOP_POSTGRES_PASSWORD is not set");
        assertThatThrownBy(() -> PostgresSettings.fromEnvironment(Map.of("MICROSHOP_POSTGRES_PASSWORD", " ")))
                .hasMessageStartingWith("MICROSHOP_POSTGRES_PASSWORD is not set");
    }
}
