package dev.microshop.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.util.ClassUtils;

/**
 * Adds microshop's platform defaults (loopback discovery, config-server import with retry, JSON logs,
 * tracing, health probes, the management port) as the lowest-precedence property source, so every process gets them and
 * anything in its own files, the config server, the environment or a test overrides them. Runs before
 * config data is loaded so that the config-server import it declares takes effect.
 */
public class MicroshopDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "microshopDefaults";

    /** The registry and the config server start before the config server can answer: they import nothing from it. */
    private static final String[] PLATFORM_SERVERS = {
        "org.springframework.cloud.config.server.EnableConfigServer",
        "org.springframework.cloud.netflix.eureka.server.EnableEurekaServer"
    };

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(
                            SOURCE_NAME, new ClassPathResource("microshop-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("microshop-defaults.properties is missing from the service starter", e);
        }
        Map<String, Object> configClient = isPlatformServer(application.getClassLoader())
                ? Map.of("spring.cloud.config.import-check.enabled", "false")
                : Map.of("spring.config.import", "optional:configserver:");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME + "ConfigClient", configClient));
        environment.getPropertySources().addLast(new ManagementPort(environment));
    }

    private static boolean isPlatformServer(ClassLoader classLoader) {
        for (String server : PLATFORM_SERVERS) {
            if (ClassUtils.isPresent(server, classLoader)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}
