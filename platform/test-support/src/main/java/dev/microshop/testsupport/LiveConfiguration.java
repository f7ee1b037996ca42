package dev.microshop.testsupport;

import java.util.Map;
import java.util.Set;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Changes configuration of the running service the way a Spring Cloud Bus refresh does: new values in the
 * environment, then an {@link EnvironmentChangeEvent} on which the settings are bound again ({@code LiveSettings}).
 */
public final class LiveConfiguration {

    private LiveConfiguration() {}

    /** Until closed, {@code key} has {@code value}; closing restores the previous value the same way. */
    public static AutoCloseable change(ConfigurableApplicationContext context, String key, String value) {
        String sourceName = "live-change-" + key;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(sourceName, Map.of(key, value)));
        context.publishEvent(new EnvironmentChangeEvent(context, Set.of(key)));
        return () -> {
            context.getEnvironment().getPropertySources().remove(sourceName);
            context.publishEvent(new EnvironmentChangeEvent(context, Set.of(key)));
        };
    }
}
