package dev.microshop.testsupport;

/**
 * The operator account of every test context: the management endpoints that change state (refresh, loggers,
 * administrators, ...) answer only to it. The embedded engines' customizer sets its password for each context.
 */
public final class TestOperator {

    public static final String USERNAME = "operator";
    public static final String PASSWORD = "test-operator-password";

    private TestOperator() {}

    /** The value of an {@code Authorization} header that authenticates as the operator (HTTP Basic). */
    public static String basicAuthorization() {
        return BasicAuth.header(USERNAME, PASSWORD);
    }
}
