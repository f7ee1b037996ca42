package dev.microshop.user.domain.user;

import java.util.Objects;

/** A one-way hash of a password; the password itself is never stored. */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "value");
    }

    /** Keeps the hash out of logs and exception messages. */
    @Override
    public String toString() {
        return "PasswordHash[****]";
    }
}
