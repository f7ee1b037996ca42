package dev.microshop.user.application.port;

import java.time.Instant;

/** A signed access token and the moment it stops being accepted. */
public record AccessToken(String value, Instant expiresAt) {

    /** Keeps the bearer credential out of logs. */
    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
