package dev.microshop.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
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
 * anything in its own files, the config server, the environment or a test overrides them. With the profile
 * {@value #KUBERNETES} the defaults for a cluster come above them, and settings are imported from ConfigMaps instead of
 * the config server. Runs before config data is loaded so that the import it declares takes effect.
 */
public class MicroshopDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "microshopDefaults";
    static final String KUBERNETES = "kubernetes";

    /** The registry and the config server start before the config server can answer: they import nothing from it. */
    private static final String[] PLATFORM_SERVERS = {
        "org.springframework.cloud.config.server.EnableConfigServer",
        "org.springframework.cloud.netflix.eureka.server.EnableEurekaServer"
    };

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean kubernetes = isActive(environment, KUBERNETES);
        if (kubernetes) {
            addLast(environment, SOURCE_NAME + "Kubernetes", "microshop-kubernetes.properties");
        }
        addLast(environment, SOURCE_NAME, "microshop-defaults.properties");
        Map<String, Object> configClient;
        if (isPlatformServer(application.getClassLoader())) {
            configClient = Map.of("spring.cloud.config.import-check.enabled", "false");
        } else if (kubernetes) {
            configClient = Map.of("spring.config.import", "kubernetes:");
        } else {
            configClient = Map.of("spring.config.import", "optional:configserver:");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME + "ConfigClient", configClient));
        environment.getPropertySources().addLast(new ManagementPort(environment));
    }

    /**
     * Spring Boot settles the active profiles only once config data is loaded, and this runs before: so it reads the
     * property that declares them (SPRING_PROFILES_ACTIVE) as well as the profiles already set.
     */
    private static boolean isActive(ConfigurableEnvironment environment, String profile) {
        String[] declared = environment.getProperty("spring.profiles.active", String[].class, new String[0]);
        return environment.matchesProfiles(profile)
                || Arrays.stream(declared).map(String::trim).anyMatch(profile::equals);
    }

    private static void addLast(ConfigurableEnvironment environment, String name, String resource) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(name, new ClassPathResource(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is missing from the service starter", e);
        }
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
