package dev.microshop.user.application.auth;

import java.time.Duration;

/** What a client receives at log-in and refresh: a short-lived access token and a one-time refresh token. */
public record TokenPair(String accessToken, String refreshToken, Duration expiresIn) {

    /** Keeps both credentials out of logs. */
    @Override
    public String toString() {
        return "TokenPair[expiresIn=" + expiresIn + "]";
    }
}
