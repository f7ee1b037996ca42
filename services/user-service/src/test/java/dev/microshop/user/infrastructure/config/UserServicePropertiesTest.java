package dev.microshop.user.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.platform.config.LiveSettings;
import dev.microshop.user.domain.user.PasswordPolicy;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class UserServicePropertiesTest {

    @Test
    void the_settings_in_config_bind() throws IOException {
        UserServiceProperties settings = bind(configured(Map.of()));

        assertThat(settings.passwordPolicy()).isEqualTo(new PasswordPolicy(10, true, true));
        assertThat(settings.loginLockout().maxFailures()).isEqualTo(5);
    }

    @Test
    void a_lockout_that_allows_no_failure_or_has_an_empty_window_is_rejected_before_it_applies() throws IOException {
        StandardEnvironment noFailure = configured(Map.of("microshop.users.login-lockout.max-failures", "0"));
        StandardEnvironment emptyWindow = configured(Map.of("microshop.users.login-lockout.window", "0s"));

        assertThatThrownBy(() -> bind(noFailure))
                .hasMessageContaining("microshop.users.login-lockout")
                .rootCause()
                .hasMessageContaining("maxFailures");
        assertThatThrownBy(() -> bind(emptyWindow))
                .hasMessageContaining("microshop.users.login-lockout")
                .rootCause()
                .hasMessageContaining("window");
    }

    private static UserServiceProperties bind(StandardEnvironment environment) {
        return new LiveSettings<>(environment, "microshop.users", UserServiceProperties.class).current();
    }

    /** config/user-service.yml, with {@code changes} over it. */
    private static StandardEnvironment configured(Map<String, Object> changes) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("config", new FileSystemResource("../../config/user-service.yml"))
                .forEach(environment.getPropertySources()::addLast);
        environment.getPropertySources().addFirst(new MapPropertySource("changes", changes));
        return environment;
    }
}
