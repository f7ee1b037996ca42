package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.auth.TokenPair;

/** A token pair; {@code expiresIn} is the access token's lifetime in seconds. */
record TokenResponse(String accessToken, String refreshToken, long expiresIn) {

    static TokenResponse of(TokenPair pair) {
        return new TokenResponse(
                pair.accessToken(), pair.refreshToken(), pair.expiresIn().toSeconds());
    }

    /** Keeps both credentials out of logs. */
    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
