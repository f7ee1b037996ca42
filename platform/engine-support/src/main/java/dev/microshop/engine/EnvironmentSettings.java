package dev.microshop.engine;

import java.util.Map;

/** Reads an engine's settings from environment variables, with a clear message for a bad value. */
public final class EnvironmentSettings {

    private EnvironmentSettings() {}

    /** The port in variable {@code name}, or {@code fallback} when it is unset or blank. */
    public static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
        }
    }
}
