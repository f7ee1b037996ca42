package dev.microshop.platform.management;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The password the platform's servers (the registry, the config server) ask of whoever uses their API: every
 * microshop process sends it as HTTP Basic user {@value #USERNAME} (microshop-defaults.properties, from
 * {@code MICROSHOP_PLATFORM_PASSWORD}, which the launcher generates). Their prod profile requires it; blank (the local
 * default) leaves their API open on loopback.
 *
 * @param serverPassword the password a platform server requires; blank requires none
 * @param serverPasswordRequired whether a blank password stops the server from starting (the prod profile)
 */
@ConfigurationProperties("microshop.platform")
public record PlatformServerProperties(String serverPassword, boolean serverPasswordRequired) {

    public static final String USERNAME = "platform";
    public static final String ROLE = "PLATFORM";

    public PlatformServerProperties {
        serverPassword = serverPassword == null ? "" : serverPassword;
        if (serverPasswordRequired && serverPassword.isBlank()) {
            throw new IllegalStateException("microshop.platform.server-password is required here: set"
                    + " MICROSHOP_PLATFORM_PASSWORD, the password every process of the platform sends");
        }
    }

    public boolean enabled() {
        return !serverPassword.isBlank();
    }
}
