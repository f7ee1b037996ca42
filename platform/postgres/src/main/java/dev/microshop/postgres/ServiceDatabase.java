package dev.microshop.postgres;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** One service's database, owned by a login role of the same name. */
public record ServiceDatabase(String name, String password) {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public ServiceDatabase {
        if (!PLAIN_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name '" + name + "' must be lower case letters, digits and _");
        }
    }

    /** The password comes from POSTGRES_PASSWORD_<NAME> when set; otherwise it is the name (local default). */
    static ServiceDatabase fromEnvironment(String name, Map<String, String> env) {
        String password = env.get(passwordVariable(name));
        return new ServiceDatabase(name, password == null || password.isEmpty() ? name : password);
    }

    static String passwordVariable(String name) {
        return "POSTGRES_PASSWORD_" + name.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "ServiceDatabase[" + name + "]";
    }
}
