package dev.microshop.user.domain.token;

import java.util.Objects;

/** The SHA-256 of a refresh token secret (hex); what the database stores instead of the secret. */
public record TokenHash(String value) {

    public TokenHash {
        Objects.requireNonNull(value, "value");
    }
}
