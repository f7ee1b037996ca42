package dev.microshop.platform.config;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The rule that keeps management off the public path: a process on a fixed port P serves its actuator on
 * P + 10000 (gateway 8080 -> 18080), bound to loopback. Computed when asked, so it
 * follows {@code server.port} wherever that is set (the launcher, config/, the environment); an explicit
 * {@code management.server.port} wins. A random port (0, tests) keeps the actuator on the main port.
 */
final class ManagementPort extends PropertySource<Object> {

    static final int OFFSET = 10000;
    private static final String PROPERTY = "management.server.port";
    private static final String ADDRESS = "management.server.address";

    /** Not the source: Boot's binder would walk an environment source's property sources, this one included. */
    private final ConfigurableEnvironment environment;

    ManagementPort(ConfigurableEnvironment environment) {
        super("microshopManagementPort", new Object());
        this.environment = environment;
    }

    @Override
    public Object getProperty(String name) {
        if (ADDRESS.equals(name)) {
            return separatePort() ? "127.0.0.1" : null;
        }
        if (!PROPERTY.equals(name)) {
            return null;
        }
        Integer port = environment.getProperty("server.port", Integer.class);
        if (port == null || port <= 0) {
            return null;
        }
        if (port + OFFSET > 65535) {
            throw new IllegalStateException("server.port " + port + " leaves no room for the management port "
                    + (port + OFFSET) + " (port + " + OFFSET + "): set management.server.port explicitly");
        }
        return port + OFFSET;
    }

    /** Boot refuses a management address unless the management port is a separate one. */
    private boolean separatePort() {
        Integer management = environment.getProperty(PROPERTY, Integer.class);
        return management != null
                && management > 0
                && !management.equals(environment.getProperty("server.port", Integer.class));
    }
}
