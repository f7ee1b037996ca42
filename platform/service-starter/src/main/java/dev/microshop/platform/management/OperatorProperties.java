package dev.microshop.platform.management;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator: the one identity that may use the management endpoints that change or reveal state (refresh,
 * busrefresh, loggers, env, metrics, administrators, ...). The launcher generates the password once per machine
 * and passes it as {@code MICROSHOP_OPERATOR_PASSWORD}; without one, those endpoints refuse everyone.
 *
 * @param username the HTTP Basic user name
 * @param password the HTTP Basic password; blank switches the operator off
 */
@ConfigurationProperties("microshop.management.operator")
public record OperatorProperties(String username, String password) {

    public static final String ROLE = "OPERATOR";

    public OperatorProperties {
        username = username == null || username.isBlank() ? "operator" : username;
        password = password == null ? "" : password;
    }

    public boolean enabled() {
        return !password.isBlank();
    }
}
