package dev.microshop.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds microshop's platform defaults (loopback discovery, config-server import with retry, JSON logs,
 * tracing, health probes) as the lowest-precedence property source, so every process gets them and
 * anything in its own files, the config server, the environment or a test overrides them. Runs before
 * config data is loaded so that the config-server import it declares takes effect.
 */
public class MicroshopDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "microshopDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource(SOURCE_NAME, new ClassPathResource("microshop-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("microshop-defaults.properties is missing from the service starter", e);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}
