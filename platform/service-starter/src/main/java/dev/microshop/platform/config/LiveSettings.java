package dev.microshop.platform.config;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;

/**
 * Settings that follow {@code config/} without a restart: an immutable record, checked by its constructor, bound from
 * the environment at start-up and bound again after every configuration change (a refresh through Spring Cloud Bus),
 * so that {@link #current()} always returns valid settings. Spring Cloud re-binds mutable
 * {@code @ConfigurationProperties} beans only, not records: hence this holder. Declare one as a bean per record, and
 * read {@code current()} where the setting is used, not once.
 *
 * <p>Every refresh ends in an {@link EnvironmentChangeEvent} (Spring Cloud's {@code ContextRefresher} publishes one
 * before it refreshes the refresh scope), so that event alone is listened to.
 */
public final class LiveSettings<T> implements ApplicationListener<EnvironmentChangeEvent> {

    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);

    private final Environment environment;
    private final String prefix;
    private final Class<T> type;
    private volatile T current;

    /** Binds {@code type} under {@code prefix} now; missing or invalid settings fail the start-up. */
    public LiveSettings(Environment environment, String prefix, Class<T> type) {
        this.environment = environment;
        this.prefix = prefix;
        this.type = type;
        this.current = bind();
    }

    public T current() {
        return current;
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        try {
            T changed = bind();
            if (!Objects.equals(changed, current)) {
                current = changed;
                log.info("New {} settings apply: {}", prefix, changed);
            }
        } catch (RuntimeException invalid) {
            // A typo in config/ must not switch a protection off or stop a service: the running settings stay.
            log.error(
                    "Kept the running {} settings; the changed ones are invalid: {}",
                    prefix,
                    NestedExceptionUtils.getMostSpecificCause(invalid).getMessage());
        }
    }

    private T bind() {
        return Binder.get(environment).bindOrCreate(prefix, type);
    }
}
