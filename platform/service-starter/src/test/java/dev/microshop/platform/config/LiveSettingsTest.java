package dev.microshop.platform.config;

import static dev.microshop.platform.config.SettingChecks.positive;
import static dev.microshop.platform.config.SettingChecks.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

class LiveSettingsTest {

    /** A settings record as the services write them: nested, with a list, checked by its constructors. */
    record ShopSettings(Duration deadline, Limits limits) {

        ShopSettings {
            positive("deadline", deadline);
            required("limits", limits);
        }

        record Limits(Integer maxItems, List<String> currencies) {

            Limits {
                positive("max-items", maxItems);
                currencies = List.copyOf(required("currencies", currencies));
            }
        }
    }

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("shop.deadline", "30s")
            .withProperty("shop.limits.max-items", "5")
            .withProperty("shop.limits.currencies[0]", "EUR");
    private final GenericApplicationContext context = new GenericApplicationContext();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void binds_the_record_with_its_nested_records_at_start() {
        ShopSettings settings = new LiveSettings<>(environment, "shop", ShopSettings.class).current();

        assertThat(settings)
                .isEqualTo(new ShopSettings(Duration.ofSeconds(30), new ShopSettings.Limits(5, List.of("EUR"))));
    }

    @Test
    void a_missing_or_invalid_setting_fails_the_start_naming_it() {
        environment.setProperty("shop.limits.max-items", "0");
        assertThatThrownBy(() -> new LiveSettings<>(environment, "shop", ShopSettings.class))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("shop.limits")
                .hasRootCauseMessage("max-items must be positive, not 0");

        MockEnvironment withoutDeadline = new MockEnvironment()
                .withProperty("shop.limits.max-items", "5")
                .withProperty("shop.limits.currencies[0]", "EUR");
        assertThatThrownBy(() -> new LiveSettings<>(withoutDeadline, "shop", ShopSettings.class))
                .hasRootCauseMessage("deadline must be set");
    }

    @Test
    void an_environment_change_binds_the_settings_again() {
        LiveSettings<ShopSettings> settings = registered();

        environment.setProperty("shop.deadline", "8s");
        environment.setProperty("shop.limits.currencies[1]", "CHF");
        context.publishEvent(new EnvironmentChangeEvent(context, Set.of("shop.deadline")));

        assertThat(settings.current().deadline()).isEqualTo(Duration.ofSeconds(8));
        assertThat(settings.current().limits().currencies()).containsExactly("EUR", "CHF");
    }

    @Test
    void an_invalid_change_keeps_the_running_settings() {
        LiveSettings<ShopSettings> settings = registered();
        ShopSettings before = settings.current();

        environment.setProperty("shop.deadline", "-1s");
        context.publishEvent(new EnvironmentChangeEvent(context, Set.of("shop.deadline")));

        assertThat(settings.current()).isSameAs(before);
    }

    /** The holder as a bean of a running context, which publishes the change events. */
    private LiveSettings<ShopSettings> registered() {
        LiveSettings<ShopSettings> settings = new LiveSettings<>(environment, "shop", ShopSettings.class);
        context.setEnvironment(environment);
        context.registerBean("shopSettings", LiveSettings.class, () -> settings);
        context.refresh();
        return settings;
    }
}
