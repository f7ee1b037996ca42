package dev.microshop.platform.config;

import java.time.Duration;

/**
 * The checks of settings records' constructors. Records declare no defaults: each value is written once, in
 * {@code config/} (docs/architecture.md, "Configuration"), and a value that is missing or out of range fails the
 * binding, whose message names the record's prefix; {@code key} is the name below it.
 */
public final class SettingChecks {

    private SettingChecks() {}

    public static <T> T required(String key, T value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " must be set");
        }
        return value;
    }

    public static Duration positive(String key, Duration value) {
        if (!required(key, value).isPositive()) {
            throw new IllegalArgumentException(key + " must be a positive duration, not " + value);
        }
        return value;
    }

    public static Duration notNegative(String key, Duration value) {
        if (required(key, value).isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, not " + value);
        }
        return value;
    }

    public static int positive(String key, Integer value) {
        if (required(key, value) <= 0) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
        return value;
    }
}
